// The Adaptive Card template of a roles announcement: layout and wording only, with `${…}` bindings
// that the Adaptive Cards templating library fills from the announcement's data (rolesCard.ts). No
// names or roles are written here, and no card is put together by hand anywhere else.
// Binding language: https://learn.microsoft.com/en-us/adaptive-cards/templating/language
// Version 1.4 is what Teams renders in channel messages (https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-reference).

export const ROLES_CARD_TEMPLATE = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.4',
  body: [
    { type: 'TextBlock', text: '${title}', size: 'Large', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: '${intro}', wrap: true, spacing: 'Small' },
    {
      type: 'Container',
      $data: '${roles}',
      separator: true,
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: '${role}', weight: 'Bolder', wrap: true },
        {
          type: 'FactSet',
          facts: [
            { title: '${$root.labels.person}', value: '${person}' },
            { title: '${$root.labels.backup}', value: '${backup}' },
            { title: '${$root.labels.accounts}', value: '${accounts}' }
          ]
        }
      ]
    }
  ]
};

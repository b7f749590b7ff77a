import type { PolicyContent } from './model';

// The policy the hub starts with, written for this product and for the people who read it: a short
// why, then what it means for each of them (running an organisational account, their own accounts,
// managing people, the communications team), then the things a UK public body must get right
// (pre-election period, personal data, accessible posts, abuse). Every rule of the source template
// that the product carries (PRODUCT.md §6) is stated here in our own words.
//
// It promises only what the hub does today. Parts tagged with a `feature` describe what the hub will
// do once that feature ships and stay hidden until then (see features.ts). Related links are left
// empty: every organisation's intranet is different, comms add theirs in the editor.

export const DEFAULT_POLICY: PolicyContent = {
  sections: [
    {
      id: 'why',
      heading: 'Why this policy exists',
      body:
        '<p>{organisation} uses social media to reach people where they already spend their time: to answer questions, share news and save someone a phone call or a trip to our offices. Done well it builds trust; done carelessly it can hurt people and our reputation within minutes.</p>' +
        '<p>This policy is short on purpose. Read the part that fits you. Everywhere, our code of conduct and HR policies apply online just as they do at work, and one test covers most situations: if you would not say it in a meeting or at a public event, don\'t post it. Be responsible, be respectful and be honest.</p>'
    },
    {
      id: 'account-holders',
      heading: 'If you run one of our accounts',
      body:
        '<p>An organisational account speaks for {organisation}. It needs an owner, a named backup, a plan and steady time. As owner or backup you:</p>' +
        '<ul><li>check the account every working day and answer questions the day they arrive;</li>' +
        '<li>give the communications team the account\'s passwords, and again whenever they change, and nobody else;</li>' +
        '<li>send the communications team a one-page report on each month, on the 1st of the next;</li>' +
        '<li>say on the profile when the account is staffed, if nobody watches it out of hours.</li></ul>' +
        '<p>A new account starts with a conversation with the communications team and a business case. {commsHead} takes the final decision on every new organisational account.</p>'
    },
    {
      id: 'own-accounts',
      heading: 'On your own accounts',
      body:
        '<p>What you post in your own time is up to you, but people may know where you work. Make it clear that your views are your own, keep to the code of conduct, and never share anything you learned at work that is not already public.</p>' +
        '<p>Some jobs are politically restricted because of their pay or duties (in councils, under the Local Government and Housing Act 1989). If yours is, you may not take part in party politics in public, and that includes posting. Whatever your job, avoid anything that would make people doubt you can serve them impartially. If you are not sure whether your post is restricted, ask your manager or HR.</p>'
    },
    {
      id: 'managers',
      heading: 'If you manage people who post',
      body:
        '<p>Trust your team with social media the way you trust them with the phone and e-mail: for many people it is now the first way to reach a service. Agree who covers each account during leave and sickness, keep a rota where it helps, and make sure people have equipment that works. The hours an account takes come out of other work, so weigh them before saying yes.</p>'
    },
    {
      id: 'comms',
      heading: 'What the communications team does',
      body:
        '<p>The communications team runs our main accounts and advises anyone who runs, or wants to run, one of their own. It keeps track of every organisational account and its owners, reads the monthly reports, and has the authority to close an account that is inactive or not delivering. It also makes sure social media has its place in the emergency plan.</p>' +
        '<p>Bring ideas, worries and questions early: a quick word before posting is always welcome.</p>'
    },
    {
      id: 'pre-election',
      heading: 'Before an election',
      body:
        '<p>In the weeks before an election (the pre-election period) {organisation} has to be seen to be neutral. Our accounts publish nothing that could look like support for a party, candidate or campaign, and avoid featuring candidates, including councillors standing again. Everyday service information carries on as normal.</p>' +
        '<p>The communications team announces when the period starts and ends. If you are unsure about a post during it, ask them first.</p>'
    },
    {
      id: 'personal-data',
      heading: 'Personal information',
      body:
        '<p>Never post anyone\'s personal details, case details or photographs without a lawful reason and, where it is needed, their consent. When a conversation needs personal information, move it out of public view: ask the person to send a private message or contact us another way, and handle what they send as data protection law (UK GDPR and the Data Protection Act 2018) requires. Take particular care with images of children and of anyone who may be at risk.</p>'
    },
    {
      id: 'accessible',
      heading: 'Posts everyone can use',
      body:
        '<p>Write in plain English. Add alt text to images and captions to videos, and put anything important in the words of the post, not only inside an image. Start each word of a hashtag with a capital letter (#LibraryLates) so screen readers read it properly, and don\'t use emoji in place of words.</p>'
    },
    {
      id: 'abuse',
      heading: 'When it turns nasty',
      body:
        '<p>Disagreement deserves a polite answer. Abuse, threats, harassment and discrimination do not. Don\'t argue back: keep a copy (a screenshot showing the date), hide, mute or block as the platform allows, and tell your manager and the communications team. Report threats to the platform, and to the police if someone may be in danger.</p>' +
        '<p>You come first: if something you read has upset you, talk to your manager.</p>'
    }
  ],
  dos: [
    { id: 'do-talk', title: 'Have conversations', detail: 'Talk with the people we serve, with colleagues and partners, and answer their questions quickly and honestly.' },
    { id: 'do-approval', title: 'Talk to comms before opening an account', detail: 'Every new organisational account needs a business case and approval from the communications team. Our established accounts are usually the better choice.' },
    { id: 'do-approval-hub', title: 'Make your case through the hub', detail: 'Ask for a new account or a paid campaign here, and follow your request to a decision.', feature: 'requests' },
    { id: 'do-passwords', title: 'Share passwords with comms', detail: 'Give the communications team the passwords of every account you look after, and again straight away whenever you change them.' },
    { id: 'do-passwords-vault', title: 'Keep passwords in the hub', detail: 'The hub encrypts them in your browser so that only the communications team can read them.', feature: 'vault' },
    { id: 'do-plan', title: 'Have a plan', detail: 'Agree what the account is for, then the content that serves those objectives and when your audience is online to see it. The communications team can help.' },
    { id: 'do-hashtags', title: 'Use hashtags with a purpose', detail: 'Tie each hashtag to the campaign, event or call to action, and check that it has not been used before.' },
    { id: 'do-hashtags-hub', title: 'Check a new hashtag in the hub', detail: 'The hub compares it with the hashtags we already use and those we retired.', feature: 'hashtags' },
    { id: 'do-resource', title: 'Plan the staffing', detail: 'Name a backup, keep a rota where it helps, and agree who looks after the account when you are on leave.' },
    { id: 'do-monitor', title: 'Check daily, reply the same day', detail: 'Look at your accounts every working day and answer questions the day they arrive, the way you would want to be answered.' },
    { id: 'do-report', title: 'Report every month', detail: 'Send the communications team a one-page report on the previous month on the 1st.' },
    { id: 'do-report-hub', title: 'File the report in the hub', detail: 'The hub reminds you before the 1st and keeps every report in one place.', feature: 'reports' },
    { id: 'do-emergency', title: 'Know your part in the emergency plan', detail: 'Social media has roles in the emergency plan. Know whether you hold one, and who covers for you.' },
    { id: 'do-paid', title: 'Pay for adverts only when they pay back', detail: 'Paid promotion is for campaigns, events or recruitment that can show a financial return, and starts with a conversation with the communications team.' },
    { id: 'do-personality', title: 'Sound like a person', detail: 'Write the way you would talk to someone at the front desk, try new approaches, and share and credit other people\'s useful posts.' },
    { id: 'do-listen', title: 'Listen and ask', detail: 'Ask for feedback, then tell people what you heard and what you changed because of it.' },
    { id: 'do-accessible', title: 'Make posts everyone can use', detail: 'Plain English, alt text on images, captions on videos, and words rather than emoji.' },
    { id: 'do-own-views', title: 'Speak for yourself on your own accounts', detail: 'Make it clear your views are your own, and keep to the code of conduct there too.' },
    { id: 'do-ask-comms', title: 'Ask for help and learn from others', detail: 'Talk to the communications team about ideas, worries and questions, and learn from good practice across the public and private sectors.' },
    { id: 'do-spirit', title: 'Be open', detail: 'Above all, use social media for what it does best: honest, two-way conversations.' }
  ],
  donts: [
    { id: 'dont-broadcast', title: 'Don\'t just broadcast', detail: 'An account that only talks at people soon stops being heard.' },
    { id: 'dont-block', title: 'Don\'t block social media', detail: 'Using it is not the risk; shutting people off from it is.' },
    { id: 'dont-cover-up', title: 'Don\'t hide mistakes', detail: 'Say so and put it right. People respect honesty more than a cover-up.' },
    { id: 'dont-build-and-hope', title: 'Don\'t build it and hope they come', detail: 'It often works better to join the groups and conversations where your audience already is.' },
    { id: 'dont-unattended', title: 'Don\'t leave accounts unattended', detail: 'An account needs steady time and energy. A page silent for weeks does more harm than no page.' },
    { id: 'dont-keep-poor', title: 'Don\'t keep accounts that don\'t deliver', detail: 'An account that is inactive or not working should close. The communications team has the authority to close it.' },
    { id: 'dont-free', title: 'Don\'t assume it is free', detail: 'Staff time costs money. Weigh the hours an account needs against your other work.' },
    { id: 'dont-politics', title: 'Don\'t take sides in politics', detail: 'Our accounts never support a party or candidate, and need extra care in the pre-election period. If your job is politically restricted, that covers your own accounts too.' },
    { id: 'dont-personal-data', title: 'Don\'t post personal information', detail: 'No one\'s details, case or photograph without a lawful reason. Take the conversation somewhere private.' },
    { id: 'dont-argue', title: 'Don\'t argue with abuse', detail: 'Keep a copy, hide or block it as the platform allows, and tell your manager and the communications team.' },
    { id: 'dont-embarrass', title: 'Don\'t post what would embarrass', detail: 'Nothing that would embarrass {organisation}, your colleagues or you.' },
    { id: 'dont-ignore-legal', title: 'Don\'t ignore legal advice', detail: 'It is there to protect you and the organisation.' },
    { id: 'dont-disclaimer', title: 'Don\'t rely on a disclaimer', detail: 'A line in your profile will not protect you from legal action.' },
    { id: 'dont-old-tech', title: 'Don\'t make people struggle with old kit', detail: 'Phones and computers that can\'t run the apps get in the way of doing this well.' },
    { id: 'dont-share-passwords', title: 'Don\'t share passwords with anyone else', detail: 'The communications team is the only place account passwords go.' },
    { id: 'dont-forget-247', title: 'Don\'t forget people are online at all hours', detail: 'Questions arrive after 5pm and at weekends. If the account is only staffed in office hours, say so on its profile.' }
  ],
  links: []
};

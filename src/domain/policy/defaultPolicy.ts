import type { PolicyContent } from './model';

// The policy the hub starts with, written for this product. Every rule of the source template that
// the product carries (PRODUCT.md §6) is stated here; comms can reword any of it after set-up.

export const DEFAULT_POLICY: PolicyContent = {
  sections: [
    {
      id: 'why',
      heading: 'Why this policy exists',
      body:
        '<p>Social media lets {organisation} talk with the people we serve where they already are, answer questions quickly and save them a phone call or a visit. The communications team has run our channels for years and is here to help every service get that right.</p><p>A good account takes real effort over a long time. A careless post can hurt the people we serve and our reputation within minutes. These guidelines keep the good and avoid the bad; they are short on purpose.</p>'
    },
    {
      id: 'conduct',
      heading: 'The standard we hold ourselves to',
      body:
        '<p>The HR code of conduct and our other HR policies apply online exactly as they do anywhere else; there is no separate rule book for social media. A simple test: if you would not say it in a meeting or at a public event, do not post it.</p><p>Be responsible, be respectful and be honest, on every account, every time.</p>'
    },
    {
      id: 'new-accounts',
      heading: 'Before you open a new account',
      body:
        '<p>Our main accounts are well followed and well staffed, and most of the time they are the best way to reach people. A new account is sometimes right, but only with a business case that shows the time it will take is worth it.</p><p>Talk to the communications team first, and make your case through this hub. {commsHead} takes the final decision on every new organisational account.</p>'
    },
    {
      id: 'governance',
      heading: 'Good governance',
      body:
        '<p>Every organisational account is registered here, with an owner and a backup. Owners share the account\'s passwords with the communications team, always, and again whenever they change them. The hub keeps them encrypted so only the communications team can read them.</p><p>Each active account files a one-page report for the month on the 1st. Accounts that no longer deliver are reviewed, and the communications team may close them.</p>'
    }
  ],
  dos: [
    { id: 'do-talk', title: 'Have conversations', detail: 'Talk with the people we serve, colleagues and partners, and answer their questions quickly and honestly.' },
    { id: 'do-approval', title: 'Get approval before opening an account', detail: 'Ask the communications team through the hub and make the business case for a new account rather than an established one.' },
    { id: 'do-passwords', title: 'Share passwords with comms', detail: 'Always share the account\'s passwords with the communications team, and share them again straight away whenever you change them.' },
    { id: 'do-trust', title: 'Trust your staff', detail: 'We trust people to answer phones and e-mails; social media is another customer service channel.' },
    { id: 'do-responsible', title: 'Be responsible and respectful', detail: 'Every post speaks for the organisation. Treat everyone with courtesy, including people who disagree with us.' },
    { id: 'do-personality', title: 'Sound like people, not press releases', detail: 'Try new approaches, show some personality, and share and credit other people\'s useful content, ideas and links.' },
    { id: 'do-plan', title: 'Have a plan', detail: 'Agree the account\'s objectives, then the content it needs and when your audience is online to see it. Comms have planning templates.' },
    { id: 'do-hashtags', title: 'Use clean, purposeful hashtags', detail: 'A hashtag should carry the campaign\'s call to action, objective or event, and must not have been used before. Check it in the hub.' },
    { id: 'do-resource', title: 'Plan the staffing, including leave', detail: 'Name a backup, keep a rota where it helps, and know who looks after the account when you are away.' },
    { id: 'do-listen', title: 'Listen and ask', detail: 'Social media runs both ways. Ask for feedback and tell people what you learned from it.' },
    { id: 'do-hr', title: 'Follow the HR policies you already have', detail: 'The code of conduct covers social media too; nothing extra is needed.' },
    { id: 'do-monitor', title: 'Check daily, reply the same day', detail: 'Look at your accounts every working day and answer questions the day they arrive, the way you would want to be answered.' },
    { id: 'do-report', title: 'Report monthly on the 1st', detail: 'File a one-page report for the previous month with the communications team on the 1st of every month.' },
    { id: 'do-emergency', title: 'Be part of the emergency plan', detail: 'Social media roles belong in the emergency plan; know whether you hold one and who covers for you.' },
    { id: 'do-paid', title: 'Pay for adverts only with a return', detail: 'Paid promotion is for campaigns, events or recruitment that can show a financial return, and only after talking to the communications team.' },
    { id: 'do-ask-comms', title: 'Talk to comms and learn from others', detail: 'Bring ideas, worries and questions to the communications team, and learn from good practice across the public and private sectors.' },
    { id: 'do-spirit', title: 'Engage openly and honestly', detail: 'Above all, use social media the way it was meant to be used: to have real, open conversations.' }
  ],
  donts: [
    { id: 'dont-broadcast', title: 'Don\'t just broadcast', detail: 'People notice an account that only talks at them, and stop listening.' },
    { id: 'dont-block', title: 'Don\'t block social media', detail: 'Using social media is not the risk; shutting it off is.' },
    { id: 'dont-cover-up', title: 'Don\'t hide mistakes', detail: 'Own up and put it right; honesty earns more respect than a cover-up.' },
    { id: 'dont-build-and-hope', title: 'Don\'t build it and hope they come', detail: 'It often works better to join the groups and conversations where your audience already is.' },
    { id: 'dont-unattended', title: 'Don\'t leave accounts unattended', detail: 'An account needs steady time and energy; a silent account for weeks is worse than none.' },
    { id: 'dont-keep-poor', title: 'Don\'t keep accounts that don\'t deliver', detail: 'An account that is inactive or not working should close. The communications team has the authority to close it.' },
    { id: 'dont-free', title: 'Don\'t assume it is free', detail: 'Staff time costs money. Weigh the hours an account needs against your other priorities.' },
    { id: 'dont-embarrass', title: 'Don\'t post what would embarrass', detail: 'Nothing that would embarrass the organisation, your colleagues or you.' },
    { id: 'dont-ignore-legal', title: 'Don\'t ignore legal advice', detail: 'It is there to protect you and the organisation.' },
    { id: 'dont-disclaimer', title: 'Don\'t rely on a disclaimer', detail: 'A line in your profile will not protect you from legal action.' },
    { id: 'dont-old-tech', title: 'Don\'t make staff struggle with old kit', detail: 'Outdated phones and computers get in the way of doing this well.' },
    { id: 'dont-share-passwords', title: 'Don\'t share passwords with anyone else', detail: 'The communications team is the only place account passwords go.' },
    { id: 'dont-forget-247', title: 'Don\'t forget it is 24/7', detail: 'People stay online after 5pm. If the account is only staffed in office hours, say so on its profile.' }
  ],
  links: [
    { title: 'HR code of conduct', url: 'https://intranet.example.org/policies/code-of-conduct' },
    { title: 'Acceptable use of IT', url: 'https://intranet.example.org/policies/acceptable-use' },
    { title: 'Emergency plan', url: 'https://intranet.example.org/resilience/emergency-plan' },
    { title: 'comms2point0: good practice from the sector', url: 'https://www.comms2point0.co.uk/' }
  ]
};

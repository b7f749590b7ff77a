declare interface ISocialMediaHubWebPartStrings {
  AppTitle: string;
  NavPolicy: string;
  NavSetup: string;
  Loading: string;
  TryAgain: string;
  PolicyHeading: string;
  PolicyVersion: string;
  PolicyPublished: string;
  PolicySearchPlaceholder: string;
  PolicySearchLabel: string;
  PolicySearchNoResults: string;
  PolicySearchCount: string;
  PolicyDos: string;
  PolicyDonts: string;
  PolicyLinks: string;
  PolicyMissing: string;
  PolicyAskForHelp: string;
  SetupHeading: string;
  SetupIntro: string;
  SetupOrganisation: string;
  SetupCommsHead: string;
  SetupTeamsAppId: string;
  SetupTeamId: string;
  SetupChannelId: string;
  SetupRotationDays: string;
  SetupReportDay: string;
  SetupRun: string;
  SetupRunning: string;
  SetupDoneChanges: string;
  SetupUpToDate: string;
  SetupForbidden: string;
  SetupReportDayInvalid: string;
  SetupRotationInvalid: string;
  GoToSetup: string;
}

declare module 'SocialMediaHubWebPartStrings' {
  const strings: ISocialMediaHubWebPartStrings;
  export = strings;
}

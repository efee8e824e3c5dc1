/**
 * What sign-in needs from the network config: the homeservers people sign in with, who the
 * people are, and who sits on the steering group. The loaded NetworkConfig fits as is.
 */

export interface HubDirectory {
  readonly regions: readonly {
    readonly homeserver: { readonly serverName: string; readonly clientUrl: string };
  }[];
  readonly people: readonly { readonly id: string; readonly userId: string }[];
  /** Person ids (not user ids), as in the config. */
  readonly roles: { readonly steering: readonly string[] };
}

/** The client API base URL of the network's homeserver named `serverName`, if it has one. */
export function clientUrlOfServer(directory: HubDirectory, serverName: string): string | undefined {
  return directory.regions.find((region) => region.homeserver.serverName === serverName)?.homeserver
    .clientUrl;
}

/** Whether `userId` is one of the network's people. */
export function isMember(directory: HubDirectory, userId: string): boolean {
  return directory.people.some((person) => person.userId === userId);
}

/** Whether `userId` belongs to a person on the steering group. */
export function isSteering(directory: HubDirectory, userId: string): boolean {
  const person = directory.people.find((candidate) => candidate.userId === userId);
  return person !== undefined && directory.roles.steering.includes(person.id);
}

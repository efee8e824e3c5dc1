/**
 * Config ids for the spaces the provisioner creates. Config ids are kebab-case, so a colon
 * can never appear in one: prefixing with `space:` keeps space ids apart from room ids.
 */

/** The root space's config id. */
export const ROOT_SPACE_ID = "space:root";

/** The config id of the space of the region with this id. */
export function regionSpaceId(regionId: string): string {
  return `space:region:${regionId}`;
}

/** The config id of the space of the network group with this id. */
export function networkSpaceId(networkId: string): string {
  return `space:network:${networkId}`;
}

/** Prisma's error code (`P2002`, `P2034`, ...) when the error carries one. */
export function prismaCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/** A unique constraint refused the write: another writer got there first. */
export function isUniqueViolation(error: unknown): boolean {
  return prismaCode(error) === "P2002";
}

/** "teammate" or "teammates", to follow a count of them. */
export function teammates(count: number | undefined): string {
  return count === 1 ? 'teammate' : 'teammates';
}

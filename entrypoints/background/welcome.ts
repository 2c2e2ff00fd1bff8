/** The first-run page, opened once when TeamFollow is installed (not on an update or a browser update). */
export function openWelcomeOnInstall(openTab: (url: string) => Promise<unknown>, url: string) {
  return (details: { reason: string }): void => {
    if (details.reason === 'install') void openTab(url);
  };
}

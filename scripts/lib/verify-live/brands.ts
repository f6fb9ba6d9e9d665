/**
 * The smSend REST v1.0 family: brands serving the same API on their own hosts (from public
 * clients of each brand; see the project's brand notes). A plain host lookup for `--brand`.
 */
export const SMSEND_BRANDS: Record<string, string> = {
  smsend: "https://app.gateway.smsend.it/API/v1.0/REST",
  skebby: "https://api.skebby.it/API/v1.0/REST",
  trendoo: "https://api.trendoo.net/API/v1.0/REST",
  mobyt: "https://app.mobyt.fr/API/v1.0/REST",
  aruba: "https://smspanel.aruba.it/API/v1.0/REST",
  esendex: "https://app.esendex.it/API/v1.0/REST",
  smsenvoi: "https://api.smsenvoi.com/API/v1.0/REST",
  textanywhere: "https://api.textanywhere.com/API/v1.0/REST",
  vodafone: "https://smsmassivi.vodafone.it/API/v1.0/REST",
  messaggissima: "https://app.messaggissima.it/API/v1.0/REST",
};

export function brandBaseUrl(brand: string): string {
  const url = SMSEND_BRANDS[brand.toLowerCase()];
  if (!url) throw new Error(`unknown brand "${brand}"; known: ${Object.keys(SMSEND_BRANDS).join(", ")}`);
  return url;
}

/**
 * A QR code drawn in the page: uqr (loaded on first use, so the deck does not carry it) encodes
 * the text into modules, drawn here as one SVG path — no canvas, no image URL, no service.
 */
const SVG = 'http://www.w3.org/2000/svg';

/** Light modules around the code, as the QR standard asks (scanners need the quiet zone). */
const QUIET_ZONE = 4;

/** The QR code of `text` as an `<svg>` labelled `label`; undefined when `text` is too long for one. */
export async function qrSvg(text: string, label: string): Promise<SVGSVGElement | undefined> {
  const { encode } = await import('uqr');
  let data: boolean[][];
  try {
    // Medium error correction survives a projector's glare; a longer link falls back to low.
    data = encode(text, { ecc: 'M', border: 0 }).data;
  } catch {
    try {
      data = encode(text, { ecc: 'L', border: 0 }).data;
    } catch {
      return undefined;
    }
  }
  const size = data.length + 2 * QUIET_ZONE;
  let path = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
    }),
  );
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.dataset['modules'] = String(data.length);
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#fff');
  const modules = document.createElementNS(SVG, 'path');
  modules.setAttribute('d', path);
  modules.setAttribute('fill', '#000');
  svg.append(background, modules);
  return svg;
}

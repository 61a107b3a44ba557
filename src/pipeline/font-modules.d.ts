/** Types for the font packages that ship none: the parts this project uses. */
declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    noHinting?: boolean;
  }
  /** The font reduced to the glyphs of `text`'s characters. */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: SubsetOptions,
  ): Promise<Buffer>;
}

declare module 'fontverter' {
  /** The font in another container format (woff2 → sfnt decompresses it). */
  export function convert(
    font: Buffer,
    to: 'sfnt' | 'truetype' | 'woff' | 'woff2',
    from?: 'sfnt' | 'truetype' | 'woff' | 'woff2',
  ): Promise<Buffer>;
}

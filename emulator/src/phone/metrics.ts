// Display geometry. Authors of app data never write pixels; every size here is in dp and scaled by density.

export interface Display {
  width: number;
  height: number;
  /** dots per inch; Android's baseline is 160 (1 dp = 1 px). A Pixel-class 1080×2400 phone uses 420. */
  density: number;
}

export class Metrics {
  constructor(readonly display: Display) {}
  dp(v: number): number {
    return Math.round((v * this.display.density) / 160);
  }
  get width(): number {
    return this.display.width;
  }
  get height(): number {
    return this.display.height;
  }
  get statusBar(): number {
    return this.dp(24);
  }
  get navBar(): number {
    return this.dp(48);
  }
  /** Top of the soft keyboard when it is shown. */
  get keyboardTop(): number {
    return this.height - this.navBar - Math.round(this.height * 0.3);
  }
  /** Approximate advance width of DejaVu Sans, used to wrap text the way the renderer will draw it. */
  charWidth(fontPx: number): number {
    return fontPx * 0.56;
  }
  wrap(text: string, fontPx: number, maxWidth: number): string[] {
    const perLine = Math.max(1, Math.floor(maxWidth / this.charWidth(fontPx)));
    const lines: string[] = [];
    for (const para of text.split('\n')) {
      let line = '';
      for (const word of para.split(/\s+/)) {
        if (!word) continue;
        const next = line ? `${line} ${word}` : word;
        if (next.length <= perLine) line = next;
        else {
          if (line) lines.push(line);
          line = word.length > perLine ? word.slice(0, perLine) : word;
        }
      }
      lines.push(line);
    }
    return lines;
  }
}

export const FONT = { body: 16, title: 22, heading: 24, summary: 14, button: 15, icon: 13 } as const;

/** What the caller of buildIndexPages supplies: the scope, the producer, and where the bundle puts each file. */
export interface IndexPagesOptions {
  countyId: number;
  year: number;
  producer: { departmentName: string; fingerprint: string; createdAt: string };
  /** Bundle-relative path of the cadre's printed dossier, e.g. 'dossiers/张三-1234.pdf'; null when not printed. */
  dossierPath(cadreId: number): string | null;
  /** Bundle-relative path of an original, e.g. 'originals/ab/abcdef….pdf'. */
  originalPath(sha256: string, mime: string): string;
  /**
   * Bundle-relative path of a CJK font shipped inside the bundle (e.g. 'assets/NotoSansSC-Regular.ttf'),
   * the fallback after the viewer's system fonts so a machine without Chinese fonts shows no boxes.
   */
  fontPath?: string | null;
}

export interface IndexPage {
  /** Bundle-relative: 'index.html' or 'cadres/<n>.html'. */
  path: string;
  html: string;
}

/**
 * A file's size the way file managers print it, the same in the screens, the command line and
 * the messages of main/: "1.5 GB", "734 MB", "2 KB", "800 字节" (one decimal unless whole).
 */
const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

export function formatSize(bytes: number): string {
  const scaled = (unit: number, name: string) => `${(bytes / unit).toFixed(bytes % unit === 0 ? 0 : 1)} ${name}`;
  if (bytes >= GiB) return scaled(GiB, 'GB');
  if (bytes >= MiB) return scaled(MiB, 'MB');
  if (bytes >= KiB) return scaled(KiB, 'KB');
  return `${bytes} 字节`;
}

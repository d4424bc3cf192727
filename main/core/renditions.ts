/**
 * Print-time renditions of originals (main/files/renditions), offered to main/dossier, which may
 * not import main/files directly (layers: dossier → core → files). The PNG encoder makes the
 * rasterized pages of a PDF/A volume.
 */
export { openPdf, type PdfiumDoc } from '../files/renditions/pdfium';
export { convertWithLibreOffice, sofficePath } from '../files/renditions/libreoffice';
export { readDocx, type DocxBlock } from '../files/renditions/docx';
export { encodePng } from '../files/png';

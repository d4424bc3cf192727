/** What each panel of one township's month (认定, 撤销认定, 历史记录) is given by the attendance page. */
export interface MonthPanelProps {
  open: boolean;
  townshipId: number;
  townshipName: string;
  /** YYYY-MM */
  month: string;
  onClose: () => void;
}

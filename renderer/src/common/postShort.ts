/** Short forms of the post types for narrow table columns (attendance grid, evaluation tables). */
export const POST_SHORT: Record<string, string> = {
  乡镇党委第一副书记: '第一副书记',
  村党组织第一书记: '第一书记',
  驻村工作队员: '工作队员',
};

// The demo firms of the seed (db/seed.ts); demo cases name them by index (content/cases). City codes
// are GB/T 2260 (~/firms/cities; a unit test checks each against its province).
export const DEMO_FIRMS = [
  {
    name: "（演示）华东精密零部件有限公司",
    industryDivision: "C36",
    regionCode: "330000",
    cityCode: "330200", // 宁波市
    employees: 450,
    revenueWanYuan: 25000,
    sizeClass: "medium",
  },
  {
    name: "（演示）北方特钢材料有限公司",
    industryDivision: "C31",
    regionCode: "130000",
    cityCode: "130200", // 唐山市
    employees: 2200,
    revenueWanYuan: 600000,
    sizeClass: "large",
  },
  {
    name: "（演示）岭南智能电子有限公司",
    industryDivision: "C39",
    regionCode: "440000",
    cityCode: "441900", // 东莞市
    employees: 180,
    revenueWanYuan: 1500,
    sizeClass: "small",
  },
  {
    name: "（演示）巴蜀风味食品有限公司",
    industryDivision: "C14",
    regionCode: "510000",
    cityCode: "510100", // 成都市
    employees: 85,
    revenueWanYuan: 900,
    sizeClass: "small",
  },
] as const;

// The demo firms of the seed (db/seed.ts); demo cases name them by index (content/cases).
export const DEMO_FIRMS = [
  {
    name: "（演示）华东精密零部件有限公司",
    industryDivision: "C36",
    regionCode: "330000",
    city: "宁波",
    employees: 450,
    revenueWanYuan: 25000,
    sizeClass: "medium",
  },
  {
    name: "（演示）北方特钢材料有限公司",
    industryDivision: "C31",
    regionCode: "130000",
    city: "唐山",
    employees: 2200,
    revenueWanYuan: 600000,
    sizeClass: "large",
  },
  {
    name: "（演示）岭南智能电子有限公司",
    industryDivision: "C39",
    regionCode: "440000",
    city: "东莞",
    employees: 180,
    revenueWanYuan: 1500,
    sizeClass: "small",
  },
  {
    name: "（演示）巴蜀风味食品有限公司",
    industryDivision: "C14",
    regionCode: "510000",
    city: "成都",
    employees: 85,
    revenueWanYuan: 900,
    sizeClass: "small",
  },
] as const;

/**
 * Administrative-division codes used in local-standard prefixes (地方标准代号).
 *
 * Province-level: DB + the first two digits of the GB/T 2260 code (DB44/T = 广东省).
 * Prefecture-level city (设区的市): DB + the first four digits (DB4403/T = 深圳市).
 * We ship the full province table but no city list: a 4-digit code is accepted when its
 * province part is known. CITY_CODES names only the cities that appear in data/known-standards.yaml.
 */
export const PROVINCE_CODES: Readonly<Record<string, string>> = Object.freeze({
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
});

export const CITY_CODES: Readonly<Record<string, string>> = Object.freeze({
  '2301': '哈尔滨市',
  '3206': '南通市',
  '3302': '宁波市',
  '3305': '湖州市',
  '3309': '舟山市',
  '3706': '烟台市',
  '4209': '孝感市',
  '4403': '深圳市',
  '4408': '湛江市',
  '5108': '广元市',
});

/** True when a 2-digit province code, or the province part of a 4-digit city code, is known. */
export function isKnownRegionCode(code: string): boolean {
  // 2 = province, 4 = city, 5–6 = district ("DB31117/Z 016-2022": 上海 district-level)
  if (code.length < 2 || code.length > 6 || code.length === 3) return false;
  return Object.prototype.hasOwnProperty.call(PROVINCE_CODES, code.length === 2 ? code : code.slice(0, 2));
}

/**
 * Display name of a region code: "广东省" for "44", "广东省深圳市" for "4403". A city that is not
 * in CITY_CODES gets no invented name: "4499" gives "广东省 4499".
 * Returns undefined when the province is unknown or the code is not 2 or 4 characters long.
 */
export function regionName(code: string): string | undefined {
  const province = PROVINCE_CODES[code.slice(0, 2)];
  if (province === undefined || (code.length !== 2 && code.length !== 4)) return undefined;
  if (code.length === 2) return province;
  const city = CITY_CODES[code];
  return city === undefined ? `${province} ${code}` : province + city;
}

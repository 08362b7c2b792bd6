/**
 * Words that name sensitive personal information (PIPL art. 28: biometric,
 * religious, specific identity, medical and health, financial account,
 * whereabouts, and minors' data, and what this kind of app commonly adds:
 * phone numbers and device identifiers). A clause that names one of them
 * without flagging any mention as `:sensitive[…]` gets a warning.
 *
 * Matching is case-insensitive; English terms match whole words.
 */
export const sensitiveTerms: Readonly<Record<string, readonly string[]>> = {
  en: [
    'phone number', 'mobile number', 'identity document', 'ID card', 'passport', 'document number',
    'biometric', 'fingerprint', 'facial', 'face recognition', 'voiceprint',
    'location', 'geolocation', 'trajectory', 'whereabouts',
    'health', 'medical',
    'bank account', 'financial account', 'payment account',
    'minors', 'children under',
    'IMEI', 'MAC address',
  ],
  'zh-CN': [
    '手机号码', '身份证', '证件号码', '护照', '生物识别', '指纹', '人脸', '面部', '声纹',
    '位置', '定位', '轨迹', '行踪', '健康', '医疗', '银行账户', '金融账户', '支付账户',
    '未成年人', '不满十四周岁', 'IMEI', 'MAC地址',
  ],
  ar: ['رقم الهاتف', 'بطاقة الهوية', 'جواز السفر', 'البصمة', 'الموقع', 'الصحة', 'الحساب المصرفي', 'القاصرين'],
};

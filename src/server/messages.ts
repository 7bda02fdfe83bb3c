/**
 * Server-side message catalogue (the web app has its own). Every error the API returns is
 * written here in Vietnamese and English; `{name}` placeholders are filled from params.
 */
export type Lang = 'vi' | 'en';

const vi = {
  unauthorized: 'Bạn cần đăng nhập để tiếp tục.',
  forbidden: 'Bạn không có quyền thực hiện thao tác này.',
  not_found: 'Không tìm thấy bản ghi.',
  route_not_found: 'Không có địa chỉ API này.',
  validation: 'Dữ liệu chưa hợp lệ: {summary}',
  invalid_credentials: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  wrong_password: 'Mật khẩu hiện tại không đúng.',
  too_many_attempts: 'Bạn đã thử đăng nhập quá nhiều lần. Vui lòng thử lại sau {minutes} phút.',
  rate_limited: 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
  body_too_large: 'Dữ liệu gửi lên quá lớn (tối đa 1 MB).',
  malformed_json: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
  unsupported_media_type: 'Chỉ nhận dữ liệu dạng JSON (Content-Type: application/json).',
  cross_site: 'Yêu cầu từ trang web khác bị từ chối.',
  conflict: 'Dữ liệu bị trùng: {field} đã tồn tại.',
  unit_cycle: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.',
  unit_root: 'Không thể chuyển hoặc lưu trữ đơn vị gốc trong phạm vi của bạn.',
  unit_has_active_children: 'Đơn vị còn đơn vị trực thuộc đang hoạt động; hãy lưu trữ hoặc chuyển chúng trước.',
  unit_has_active_members: 'Đơn vị còn đảng viên đang sinh hoạt; hãy chuyển họ sang chi bộ khác trước.',
  unit_kind_parent: 'Loại đơn vị không phù hợp với đơn vị cấp trên.',
  unit_parent_archived: 'Đơn vị cấp trên đã được lưu trữ; hãy chọn một đơn vị đang hoạt động.',
  member_unit_kind: 'Đảng viên chỉ thuộc một chi bộ (đơn vị loại "Chi bộ").',
  password_reused: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  bad_request: 'Yêu cầu không hợp lệ.',
  internal: 'Đã xảy ra lỗi ngoài ý muốn. Vui lòng thử lại.',
  // Field issues
  'issue.required': 'bắt buộc phải nhập',
  'issue.type': 'sai kiểu dữ liệu (cần {expected})',
  'issue.too_short': 'cần ít nhất {min} ký tự',
  'issue.too_long': 'tối đa {max} ký tự',
  'issue.too_small': 'phải lớn hơn hoặc bằng {min}',
  'issue.too_few': 'cần ít nhất {min} mục',
  'issue.too_many': 'tối đa {max} mục',
  'issue.too_big': 'phải nhỏ hơn hoặc bằng {max}',
  'issue.format': 'sai định dạng ({format})',
  'issue.enum': 'phải là một trong: {values}',
  'issue.unknown_field': 'trường không được phép',
  'issue.invalid': 'giá trị không hợp lệ',
  'type.string': 'chuỗi ký tự',
  'type.number': 'số',
  'type.int': 'số nguyên',
  'type.boolean': 'đúng/sai',
  'type.object': 'đối tượng',
  'type.array': 'danh sách',
  'format.uuid': 'mã định danh UUID',
  'format.date': 'ngày yyyy-mm-dd',
  'format.regex': 'ký tự không hợp lệ',
  'format.email': 'địa chỉ email',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  unauthorized: 'You need to sign in to continue.',
  forbidden: 'You are not allowed to do this.',
  not_found: 'Record not found.',
  route_not_found: 'No such API endpoint.',
  validation: 'Invalid input: {summary}',
  invalid_credentials: 'Wrong username or password.',
  wrong_password: 'The current password is wrong.',
  too_many_attempts: 'Too many sign-in attempts. Please try again in {minutes} minutes.',
  rate_limited: 'Too many requests. Please try again in a few minutes.',
  body_too_large: 'The request body is too large (1 MB at most).',
  malformed_json: 'The request body is not valid JSON.',
  unsupported_media_type: 'Only JSON bodies are accepted (Content-Type: application/json).',
  cross_site: 'Cross-site request refused.',
  conflict: 'Duplicate value: {field} already exists.',
  unit_cycle: 'A unit cannot be moved into itself or one of its own sub-units.',
  unit_root: 'The root unit of your scope cannot be moved or archived.',
  unit_has_active_children: 'The unit still has active sub-units; archive or move them first.',
  unit_has_active_members: 'The unit still has active members; move them to another cell first.',
  unit_kind_parent: 'This kind of unit cannot sit under the chosen parent unit.',
  unit_parent_archived: 'The parent unit is archived; choose an active unit.',
  member_unit_kind: 'A party member belongs to a cell (a unit of kind "cell").',
  password_reused: 'The new password must differ from the current one.',
  bad_request: 'The request is not valid.',
  internal: 'Something went wrong. Please try again.',
  'issue.required': 'is required',
  'issue.type': 'has the wrong type (expected {expected})',
  'issue.too_short': 'needs at least {min} characters',
  'issue.too_long': 'allows at most {max} characters',
  'issue.too_small': 'must be at least {min}',
  'issue.too_few': 'needs at least {min} items',
  'issue.too_many': 'allows at most {max} items',
  'issue.too_big': 'must be at most {max}',
  'issue.format': 'has the wrong format ({format})',
  'issue.enum': 'must be one of: {values}',
  'issue.unknown_field': 'is not an allowed field',
  'issue.invalid': 'is not valid',
  'type.string': 'text',
  'type.number': 'number',
  'type.int': 'whole number',
  'type.boolean': 'true/false',
  'type.object': 'object',
  'type.array': 'list',
  'format.uuid': 'a UUID identifier',
  'format.date': 'a date yyyy-mm-dd',
  'format.regex': 'characters not allowed',
  'format.email': 'an email address',
};

/** Human labels of request fields, so "familyName" reads "Họ" to a commune clerk. */
const fieldLabels: Record<Lang, Record<string, string>> = {
  vi: {
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    currentPassword: 'Mật khẩu hiện tại',
    newPassword: 'Mật khẩu mới',
    familyName: 'Họ',
    middleName: 'Tên đệm',
    givenName: 'Tên',
    gender: 'Giới tính',
    birthYear: 'Năm sinh',
    cardNumber: 'Số thẻ đảng viên',
    joinedOn: 'Ngày vào Đảng',
    officialOn: 'Ngày chính thức',
    status: 'Trạng thái',
    phone: 'Số điện thoại',
    unitId: 'Đơn vị',
    parentId: 'Đơn vị cấp trên',
    kind: 'Loại đơn vị',
    name: 'Tên',
    code: 'Mã',
    contactName: 'Người liên hệ',
    contactPhone: 'Điện thoại liên hệ',
    id: 'Mã bản ghi',
    q: 'Từ khóa tìm kiếm',
    page: 'Trang',
    pageSize: 'Số dòng mỗi trang',
    recordType: 'Loại bản ghi',
    recordId: 'Mã bản ghi',
    archived: 'Lưu trữ',
    displayName: 'Họ và tên hiển thị',
    memberId: 'Đảng viên',
    roles: 'Vai trò',
    role: 'Vai trò',
    disabled: 'Khóa tài khoản',
    body: 'Nội dung yêu cầu',
  },
  en: {},
};

export function fieldLabel(lang: Lang, field: string): string {
  const last = field.split('.').pop() ?? field;
  const label = fieldLabels[lang][last];
  return label ? `${label} (${field})` : field;
}

export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = (lang === 'en' ? en : vi)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}


/** `Accept-Language: en…` picks English; anything else (or nothing) is Vietnamese. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'vi';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

// The words that name what a screen or a dialog is about, in the corpus languages: a price, terms and privacy
// policies, tracking, identity and credential fields, another device's access to the phone's data, a request for
// access, special app access, and warnings that something will be erased. context.ts decides where they count.
/** An amount of money (a price, a monthly fee). */
export const MONEY =
  /[$€£¥₹₩₽฿₺₫₦₱₪₴₸৳]\s?\d|\b(?:rp|rm|rs|s\/|chf)\.?\s?\d|\d[\d.,\s]*\s?(?:[$€£¥₹₩₽฿₺₫₦₱₪₴₸৳]|usd|eur|gbp|руб|р\.|元|円|원|บาท|тг|zł|kč|kr|tl|lei|ر\.س|د\.إ|ج\.م|ريال|درهم|جنيه)(?![a-z])|\/\s?(?:month|mo|year|yr|mes|mois|monat|месяц|月|월)\b/i;
/** Terms and privacy policies by name, and the sentence that makes going ahead an agreement ("By continuing, you agree
 * to …", "Продолжая, вы соглашаетесь с …"). */
export const TERMS =
  /you agree to|by (continuing|signing (in|up)|tapping|clicking|creating|registering)|вы соглашаетесь|вы принимаете условия|продолжая, вы|al continuar|aceptas (los|las|nuestr)|ao continuar|você concorda|en continuant|vous acceptez|stimmst du|stimmen sie (der|den|unseren)|继续即表示|即表示您同意|即表示你同意|同意したものとみなされ|동의하는 것으로|devam ederek|kabul etmiş olursunuz|dengan melanjutkan|bằng cách tiếp tục|بالمتابعة|فإنك توافق|privacy policy|privacy notice|terms of (service|use)|terms and conditions|terms & conditions|user agreement|licen[cs]e agreement|eula|datenschutz|nutzungsbedingungen|agb|politique de confidentialit|conditions d'utilisation|conditions générales|política de privacidad|términos|condiciones|política de privacidade|termos|informativa sulla privacy|termini|privacybeleid|voorwaarden|политик\S* конфиденциальности|пользовательск\S* соглашени|условия|隐私政策|隐私协议|用户协议|服务协议|服务条款|隱私權|隱私政策|服務條款|使用條款|用戶協議|プライバシーポリシー|利用規約|개인정보|이용약관|약관|นโยบายความเป็นส่วนตัว|ข้อกำหนด|เงื่อนไข|سياسة الخصوصية|الشروط|gizlilik|kullanım koşulları|kebijakan privasi|syarat|chính sách|điều khoản/i;
export const TRACKING =
  /cookie|tracking|crash (data|reports?)|performance data|usage data|analytics|diagnostic data|track you\b|personali[sz]ed ads|personali[sz]ed advertising|advertising id|ad personali[sz]ation|partners|werbung|publicité|publicidad|реклам|跟踪|个性化广告|広告|광고|โฆษณา/i;
export const IDENTITY_FIELD =
  /phone|mobile|celular|m[óo]vil|e-?mail|user ?name|login|手机|电话|邮箱|账号|用户名|メール|電話|ユーザー名|이메일|전화|휴대폰|아이디|телефон|почт|логин|correo|tel[ée]fono|usuario|telefone|usu[áa]rio|nomor|handphone/i;
export const CREDENTIAL_FIELD =
  /password|passwd|pwd|otp|one.?time|verification code|sms code|pin\b|passcode|验证码|密码|パスワード|認証コード|비밀번호|인증번호|пароль|код/i;

/** A USB / data-access prompt: the phone's files go to the other device. */
export const DEVICE_DATA =
  /file transfer|transfer files|access (to )?(phone|device|tablet) data|usb (for|preferences)|\bmtp\b|\bptp\b|文件传输|传输文件|ファイル転送|파일 전송|передача файлов|transferencia de archivos|transferência de arquivos|dateiübertragung|transfert de fichiers|chuyển tệp|truyền tệp|aktarım/i;

/** Words for files and data, in the corpus languages: with "USB", the prompt gives a computer the phone's files. */
export const USB_DATA =
  /file|data|dữ liệu|tệp|datos|archivos|dados|arquivos|données|fichiers|daten|dateien|данн|файл|数据|文件|データ|ファイル|데이터|파일|dosya|veri|berkas/i;

/** A request for access or permission, in the corpus languages: only then do permission words name the topic. */
export const ACCESS =
  /allow|access|permission|sync|turn on|enable|开启|打开|켜|включ|activar|aktivier|activer|权限|允许|访问|授权|許可|アクセス|권한|허용|접근|разреш|доступ|permis|acceso|acesso|autoris|zugriff|berechtigung|erlauben|izin|erişim|akses|quyền|cho phép|อนุญาต|สิทธิ์|إذن|السماح|الوصول/i;

/** Special app access, by the names apps and OEM settings give it: overlays, accessibility, usage access, autostart … */
export const SPECIAL =
  /display over other apps|draw over|overlay|floating window|accessibility|usage access|autostart|auto-start|start (itself )?(at|on) boot|background start|battery optimi[sz]ation|notification access|device admin|悬浮窗|浮窗|桌面悬浮|悬浮显示|无障碍|辅助功能|使用情况访问|自启动|自启|开机启动|后台启动|关联启动|电池优化|通知使用权|设备管理|他のアプリの上に重ねて表示|ユーザー補助|다른 앱 위에 표시|접근성|поверх других|специальные возможности|автозапуск/i;

/**
 * A dialog warning that going ahead erases something: "This will clear your chat history", "cannot be undone", "Your
 * photos and notes will be gone" (under a bare "Clear", which says nothing of what it clears).
 */
export const WARNING =
  /will (be )?(permanently )?(clear|erase|delete|remove|wipe|reset|discarded|lost|gone)|will not be saved|won'?t be saved|unsaved changes|não serão salv|no se guardar|не будут сохранены|不会保存|将不会保存|保存されません|저장되지 않|clear (your |the )?(\w+ )*history|cannot be undone|can'?t be undone|will be (deleted|erased|lost)|无法撤销|无法恢复|将被删除|将清除|取り消せません|削除されます|되돌릴 수 없|삭제됩니다|нельзя отменить|будут удалены|no se puede deshacer|não pode ser desfeit|kann nicht rückgängig/i;

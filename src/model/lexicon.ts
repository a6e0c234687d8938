/**
 * Structural cue lexicon for the semantic scorer, written by the team. Each category is a bit in
 * the WASM lexicon table (assembly/semantic/features.ts CAT_*); each entry is a word or a phrase of
 * up to three tokens (CJK: up to three characters), folded and hashed by the same WASM code as the
 * scanned text. Entries are `|`-separated so multi-word phrases read naturally.
 *
 * The lexicon only feeds counts into the linear head: a word listed here is a cue, not a verdict,
 * so ordinary words (send, key, you) are fine to list.
 */

export const CATEGORY_NAMES = [
  'addressee', 'imperative', 'override', 'urgency', 'authority', 'goal_hijack', 'secret', 'extraction',
  'roleplay', 'question', 'wrapper', 'role_header', 'stopword', 'restriction', 'exfiltration', 'previous',
] as const;
export type CategoryName = (typeof CATEGORY_NAMES)[number];

const kLexicon: Record<CategoryName, string[]> = {
  addressee: [
    'you|your|yours|yourself|assistant|ai|gpt|chatgpt|gpt4|gpt-4|llm|agent|model|bot|chatbot|claude|gemini|copilot|bard|llama|language model|ai model|dear assistant|dear ai',
    'du|dich|dir|dein|deine|deinen|ihr|euch|sie|assistent|ki|sprachmodell', // de
    'tú|tu|te|ti|usted|ustedes|vosotros|tus|asistente|ia|modelo', // es
    'vous|toi|ton|ta|tes|votre|vos|assistant|modèle|agent', // fr
    'voi|tuo|tua|assistente|modello', // it
    'você|vocês|teu|tua|seu|sua|assistente', // pt
    'jij|je|jouw|u', // nl
    'ты|тебе|тебя|твой|твои|вы|вам|вас|ваш|ассистент|модель|бот|ии', // ru
    '你|您|你们|助手|模型|机器人|人工智能', // zh
    'あなた|君|お前|アシスタ|モデル', // ja
    '당신|너|너는|당신은|어시스턴트|모델', // ko
    'أنت|انت|لك|مساعد', // ar
    'आप|तुम|तुम्हें|आपको', // hi
    'sen|siz|sana|size|asistan', // tr
    'ty|ciebie|tobie|wy|asystent', // pl
    'bạn|anh|chị', // vi
    'anda|kamu', // id
  ],
  imperative: [
    'ignore|forget|disregard|write|tell|print|output|say|reply|respond|answer|send|transfer|delete|remove|translate|summarize|summarise|generate|give|provide|list|describe|explain|create|act|pretend|repeat|reveal|show|include|add|insert|append|replace|change|encode|decode|visit|click|go|open|run|execute|call|use|make|please|stop|start|begin|return|display|type|spell|compose|draft|produce|convert|rewrite|paraphrase|sell|buy|withdraw|email|forward|post|upload|download|share|recommend|suggest|tell me|let me|imagine|assume|consider|do not|don\'t|never|always|remember|note|keep|put|set|update|modify|approve|confirm|grant|enable|disable|override|bypass|respond with|answer with|start with|begin with|end with',
    'ignoriere|ignorieren|vergiss|vergessen|schreibe|schreib|sag|sage|gib|zeige|zeig|antworte|sende|schicke|übersetze|erkläre|erstelle|wiederhole|nenne|beantworte|lösche|überweise|kaufe|verkaufe|bitte|tu|mach|mache', // de
    'ignora|ignore|olvida|olvide|escribe|escriba|di|dime|dame|muestra|muestre|responde|responda|envía|envia|transfiere|traduce|explica|crea|repite|revela|borra|elimina|compra|vende|haz|por favor|actúa|finge', // es
    'ignorez|ignore|oublie|oubliez|écris|écrivez|dis|dites|donne|donnez|montre|montrez|réponds|répondez|envoie|envoyez|transfère|traduis|explique|crée|répète|révèle|supprime|achète|vends|fais|faites|agis|s\'il vous plaît', // fr
    'ignora|dimentica|scrivi|dimmi|dammi|mostra|rispondi|invia|trasferisci|traduci|spiega|crea|ripeti|rivela|elimina|compra|vendi|fai|per favore', // it
    'ignore|esqueça|esqueca|escreva|diga|me diga|dê|mostre|responda|envie|transfira|traduza|explique|crie|repita|revele|apague|compre|venda|faça|por favor', // pt
    'negeer|vergeet|schrijf|zeg|geef|toon|antwoord|stuur', // nl
    'игнорируй|игнорируйте|забудь|забудьте|напиши|напишите|скажи|скажите|дай|покажи|ответь|отправь|переведи|объясни|создай|повтори|раскрой|удали|купи|продай|сделай|пожалуйста', // ru
    '忽略|忘记|忘掉|无视|写|告诉|输出|回答|发送|转账|翻译|解释|生成|重复|显示|删除|购买|卖出|请|列出|打印|说', // zh
    '無視|忘れ|書い|教え|出力|答え|送信|送っ|翻訳|説明|繰り返|表示|削除|購入|売却|ください|して|言っ', // ja
    '무시|무시하고|무시하세요|잊어|잊어버려|써|말해|알려줘|보내|번역|설명|삭제|출력', // ko
    'تجاهل|انسى|انس|اكتب|أخبرني|قل|أرسل|اعرض|ترجم|اشرح|احذف', // ar
    'अनदेखा|भूल|लिखो|लिखें|बताओ|बताएं|भेजो|भेजें|दिखाओ', // hi
    'yoksay|unut|yaz|söyle|gönder|göster|çevir|açıkla|sil', // tr
    'zignoruj|zapomnij|napisz|powiedz|wyślij|pokaż|przetłumacz|usuń', // pl
    'bỏ qua|quên|viết|hãy|gửi|hiển thị|dịch', // vi
    'abaikan|lupakan|tulis|katakan|kirim|tampilkan|terjemahkan', // id
  ],
  override: [
    'ignore|disregard|forget|override|overwrite|bypass|circumvent|supersede|cancel|void|reset|jailbreak|jailbroken|unlock|unlocked|developer mode|dan|dude|stan|aim|god mode|admin mode|no longer|instead|new instructions|new instruction|new rules|new task|new role|from now on|from now|real task|actual task|true task|ignore all|ignore the|ignore previous|ignore above|disregard all|forget all|forget everything|do anything now',
    'ignoriere|ignorieren|vergiss|vergessen|missachte|neue anweisungen|ab jetzt|ab sofort|stattdessen', // de
    'ignora|ignore|olvida|olvide|omite|nuevas instrucciones|a partir de ahora|en su lugar|en lugar', // es
    'ignorez|oublie|oubliez|nouvelles instructions|désormais|à partir de maintenant|au lieu', // fr
    'dimentica|nuove istruzioni|da ora', // it
    'esqueça|esqueca|novas instruções|a partir de agora', // pt
    'игнорируй|игнорируйте|забудь|забудьте|новые инструкции|теперь|вместо', // ru
    '忽略|忘记|无视|新的指令|从现在|现在开始|越狱', // zh
    '無視|忘れ|新しい指示|今から|これから', // ja
    '무시|무시하고|잊어|새로운 지시', // ko
    'تجاهل|انسى|تعليمات جديدة', // ar
    'अनदेखा|भूल', // hi
    'yoksay|unut|yeni talimatlar', // tr
    'zignoruj|zapomnij|nowe instrukcje', // pl
    'bỏ qua|quên', // vi
    'abaikan|lupakan|instruksi baru', // id
  ],
  urgency: [
    'important|urgent|urgently|immediately|now|asap|critical|attention|warning|alert|notice|must|required|mandatory|crucial|essential|priority|emergency|right now|at once|without delay|as soon as possible|do not delay|time sensitive|final warning|action required',
    'wichtig|dringend|sofort|achtung|muss|musst|müssen|unbedingt', // de
    'importante|urgente|inmediatamente|ahora|atención|debes|debe|obligatorio', // es
    'important|urgent|immédiatement|maintenant|attention|dois|devez|obligatoire', // fr
    'importante|urgente|subito|attenzione|devi|deve', // it
    'importante|urgente|imediatamente|agora|atenção|deve|você deve', // pt
    'важно|срочно|немедленно|сейчас|внимание|должен|должны', // ru
    '重要|紧急|立即|立刻|马上|注意|必须|务必', // zh
    '重要|緊急|直ちに|すぐに|注意|必ず|しなければ', // ja
    '중요|긴급|즉시|반드시', // ko
    'مهم|عاجل|فورا|يجب', // ar
    'महत्वपूर्ण|तुरंत|ज़रूरी|जरूरी', // hi
    'önemli|acil|hemen|dikkat', // tr
    'ważne|pilne|natychmiast|musisz', // pl
  ],
  authority: [
    'admin|administrator|sysadmin|root|developer|developers|openai|anthropic|system administrator|security team|it department|ceo|cfo|compliance|official|authorized|authorised|authorization|verified|owner|operator|supervisor|management|policy|boss|manager|the user|your user|your creator|your developers|your owner|the developer|on behalf',
    'administrator|entwickler|chef', // de
    'administrador|desarrollador|jefe|autorizado', // es
    'administrateur|développeur|patron|autorisé', // fr
    'администратор|разработчик|начальник', // ru
    '管理员|开发者|开发人员|老板|授权', // zh
    '管理者|開発者|上司|許可', // ja
    '관리자|개발자', // ko
  ],
  goal_hijack: [
    'transfer|withdraw|withdrawal|wire|buy|sell|purchase|liquidate|short|long|trade|order|payment|pay|deposit|send|delete|drop|erase|wipe|destroy|shutdown|approve|execute|sudo|rm|install|download|funds|money|bitcoin|btc|eth|ethereum|usdt|crypto|wallet|account|bank|iban|swift|routing|$|dollars|usd|eur|shares|stock|stocks|position|positions|leverage|margin|all funds|entire balance|full balance|private key',
    'überweise|überweisung|kaufe|verkaufe|lösche|konto|geld', // de
    'transfiere|transferir|transferencia|compra|vende|retira|borra|cuenta|dinero', // es
    'transfère|transférer|virement|achète|vends|retire|supprime|compte|argent', // fr
    'переведи|перевод|купи|продай|удали|счёт|счет|деньги', // ru
    '转账|转移|汇款|购买|买入|卖出|删除|账户|资金|钱包', // zh
    '送金|振込|購入|売却|削除|口座|資金|財布', // ja
    '송금|이체|구매|매도|삭제|계좌', // ko
  ],
  secret: [
    'password|passwords|passphrase|secret|secrets|key|keys|api key|apikey|api_key|token|tokens|credential|credentials|private|confidential|seed|seed phrase|mnemonic|ssn|social security|credit card|card number|cvv|pin|login|username|otp|2fa|access token|session|cookie|env|environment variables|.env|config|internal|hidden|system prompt|prompt|instructions|initial instructions|rules|guidelines',
    'passwort|kennwort|geheim|schlüssel|zugangsdaten|anweisungen|geheimnis', // de
    'contraseña|clave|secreto|credenciales|instrucciones|confidencial', // es
    'mot de passe|secret|clé|identifiants|instructions|confidentiel', // fr
    'parola|password|segreto|chiave|istruzioni', // it
    'senha|segredo|chave|instruções|credenciais', // pt
    'пароль|секрет|секретный|ключ|инструкции|инструкций|промпт|данные', // ru
    '密码|秘密|密钥|口令|指令|提示|提示词|系统提示|机密|凭证', // zh
    'パスワ|秘密|鍵|キー|指示|プロンプト|機密|認証', // ja
    '비밀번호|암호|비밀|키|지시|프롬프트|지침', // ko
    'كلمة المرور|كلمة السر|سر|مفتاح|تعليمات', // ar
    'पासवर्ड|गुप्त|कुंजी|निर्देश', // hi
    'şifre|parola|gizli|anahtar|talimatlar', // tr
    'hasło|sekret|klucz|instrukcje', // pl
    'mật khẩu|bí mật|khóa', // vi
    'kata sandi|rahasia|kunci|instruksi', // id
  ],
  extraction: [
    'reveal|repeat|print|output|show|display|leak|expose|dump|disclose|recite|verbatim|word for word|above text|your prompt|system prompt|your instructions|initial prompt|original prompt|original instructions|what were you told|what is your|tell me your|spell out|everything above|text above|preceding text|beginning of|first line',
    'verrate|wiederhole|zeige|enthülle|gib aus', // de
    'revela|repite|muestra|imprime|divulga', // es
    'révèle|révélez|répète|répétez|affiche|divulgue', // fr
    'раскрой|повтори|покажи|выведи|раскрыть', // ru
    '泄露|透露|重复|显示|输出|打印|告诉我', // zh
    '明かし|繰り返|表示|出力|教えて|漏ら', // ja
    '공개|반복|보여|알려', // ko
  ],
  roleplay: [
    'pretend|roleplay|role-play|role play|act as|acting as|character|persona|simulate|simulation|hypothetical|hypothetically|fictional|fiction|story|imagine|game|play|opposite|evil|uncensored|unfiltered|unrestricted|amoral|immoral|unethical|no morals|without morals|stay in character|in character|you are now|you will now|you are going to|from now on you|your new name|alter ego|dev mode|sudo mode|rogue|villain',
    'tu so als|stell dir vor|spiele|rolle|figur', // de
    'finge|imagina|juego|personaje|rol|simula', // es
    'fais semblant|imagine|jeu|personnage|rôle|simule', // fr
    'притворись|представь|роль|персонаж|игра', // ru
    '假装|扮演|角色|想象|模拟|游戏', // zh
    'ふりを|演じ|役割|キャラ|想像', // ja
  ],
  question: [
    'what|how|why|who|whom|whose|when|where|which|is|are|was|were|can|could|would|should|do|does|did|will|shall|may|might|have|has|is there|are there|how many|how much',
    'was|wie|warum|wer|wann|wo|welche|welcher|ist|sind|kann|kannst|können', // de
    'qué|que|cómo|como|por qué|quién|cuándo|dónde|cuál|cuánto|es|puedes|puede', // es
    'quoi|comment|pourquoi|qui|quand|où|quel|quelle|est-ce|peux|pouvez', // fr
    'что|как|почему|кто|когда|где|какой|можешь|можно', // ru
    '什么|怎么|为什么|谁|哪|哪里|吗|如何|是否', // zh
    '何|なぜ|どう|誰|いつ|どこ|どれ|ですか|ますか', // ja
    '무엇|어떻게|왜|누구|언제|어디', // ko
  ],
  wrapper: [
    'information|info|system|sys|inst|instruction|instructions|important|admin|im_start|im_end|endoftext|end|start|begin|override|note|notice|message|prompt|context|user|assistant|developer|human|task|hidden|secret|s|/s|eos|bos|tool|tool_call|function|function_call|internal|confidential|priority|alert|update',
  ],
  role_header: [
    'system|assistant|user|human|ai|bot|model|developer|tool|function|sys|admin|operator|im_start|im_end|inst|gpt',
  ],
  stopword: [
    'the|a|an|and|or|but|if|then|of|to|in|on|at|by|for|with|from|as|is|are|was|were|be|been|being|it|its|this|that|these|those|there|here|i|me|my|we|our|us|you|your|he|she|they|them|his|her|their|what|which|who|how|why|when|where|do|does|did|can|could|would|should|will|shall|may|might|have|has|had|not|no|yes|so|than|too|very|just|about|into|over|also|any|all|some|such|only|more|most|other|please|tell|give|show|write|make|get|like|need|want|know',
    'der|die|das|und|oder|ist|sind|ein|eine|zu|mit|von|für|auf|nicht|ich|wir|es', // de
    'el|la|los|las|y|o|de|del|en|un|una|que|es|por|para|con|no|se|lo', // es
    'le|la|les|et|ou|de|des|du|en|un|une|que|est|pour|avec|ne|pas|ce', // fr
    'и|в|на|не|что|с|по|это|как|к|а|но|из|у|за|о|от', // ru
  ],
  restriction: [
    'restriction|restrictions|restricted|limit|limits|limitation|limitations|filter|filters|filtered|censor|censored|censorship|guideline|guidelines|policy|policies|rule|rules|ethics|ethical|moral|morals|safety|safeguards|guardrails|content policy|boundaries|refuse|refusal|cannot|can\'t|won\'t|not allowed|without any|no restrictions|no limits|no rules|no filters|any restrictions',
    'regeln|einschränkungen|richtlinien|filter|zensur', // de
    'reglas|restricciones|límites|filtros|censura|políticas', // es
    'règles|restrictions|limites|filtres|censure', // fr
    'правила|ограничения|фильтры|цензура', // ru
    '规则|限制|过滤|审查|道德|政策', // zh
    'ルール|制限|規則|検閲|倫理', // ja
  ],
  exfiltration: [
    'send|email|e-mail|mail|forward|post|upload|exfiltrate|leak|http|https|www|url|link|webhook|endpoint|server|curl|wget|fetch|image|markdown|img|src|attacker|collect|report to|send to|forward to|post to|contact|reply to|cc|bcc|attach|attachment|base64|encode|encoded',
    'sende|schicke|e-mail|weiterleiten', // de
    'envía|envia|enviar|correo|reenvía', // es
    'envoie|envoyer|courriel|transfère', // fr
    'отправь|отправить|почта|ссылка', // ru
    '发送|邮件|链接|上传|转发', // zh
    '送信|メール|リンク|アップロード', // ja
  ],
  previous: [
    'previous|previously|prior|above|earlier|preceding|before|original|initial|all|any|every|everything|former|past|aforementioned|prior instructions|previous instructions|above instructions|all instructions|all previous|all prior|instructions above|the above|said before|told before',
    'vorherigen|vorherige|bisherigen|obigen|alle|alles|vorher|zuvor', // de
    'anteriores|anterior|previas|previo|todas|todo|arriba|antes', // es
    'précédentes|précédent|antérieures|toutes|tout|ci-dessus|avant', // fr
    'precedenti|precedente|tutte|tutto|sopra', // it
    'anteriores|anterior|todas|tudo|acima', // pt
    'предыдущие|предыдущих|прежние|все|всё|выше|ранее', // ru
    '之前|以前|先前|上面|所有|全部|上述', // zh
    '以前|前の|上記|すべて|全て|これまで', // ja
    '이전|이전의|모든|위의', // ko
    'السابقة|جميع|كل', // ar
    'पिछले|पिछली|सभी', // hi
    'önceki|tüm|bütün', // tr
    'poprzednie|wszystkie', // pl
    'trước|tất cả', // vi
    'sebelumnya|semua', // id
  ],
};

/** Every (phrase, category bit mask) pair, in a stable order. */
export function lexiconEntries(): Array<{ phrase: string; mask: number }> {
  const masks = new Map<string, number>();
  CATEGORY_NAMES.forEach((name, bit) => {
    for (const line of kLexicon[name]) {
      for (const raw of line.split('|')) {
        const phrase = raw.trim().toLowerCase();
        if (phrase === '') continue;
        masks.set(phrase, (masks.get(phrase) ?? 0) | (1 << bit));
      }
    }
  });
  return [...masks.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([phrase, mask]) => ({ phrase, mask }));
}

/** Names of the NUM_STRUCT structural slots (assembly/semantic/features.ts writes them in this order). */
export const STRUCT_NAMES: readonly string[] = [
  ...CATEGORY_NAMES.map((c) => `count_${c}`),
  'starts_imperative', 'starts_question', 'ends_question_mark', 'addressee_and_imperative', 'wrapper_tag',
  'role_header', 'separator_run', 'exclamations', 'at_sign', 'mostly_upper_case', 'mostly_digits',
  'words_lt4', 'words_4_12', 'words_13_40', 'words_gt40', 'unspaced_script', 'code_punctuation',
  'addressee_early', 'imperative_sentence_starts', 'override_and_previous', 'extraction_and_secret',
  'hijack_and_secret_or_exfil', 'quote_marks', 'starts_with_punctuation',
];

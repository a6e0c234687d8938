/**
 * Everyday assistant requests outside finance (writing, coding, explaining, translating). They keep
 * the detector from learning that "write a poem" or "translate this" is itself an attack: those
 * verbs only matter when they turn up inside data, off the user's task.
 */
import type { DirectSpec } from './direct.ts';

export const GENERAL_PROMPTS: DirectSpec = {
  templates: {
    en: [
      'Write a {FORM} about {SUBJECT}.',
      'Write a {FORM} about {SUBJECT} for my {RELATION}.',
      'Explain {CONCEPT} to {AUDIENCE}.',
      'Translate "{PHRASE}" into {LANGNAME}.',
      'Give me {N} ideas for {ACTIVITY}.',
      'Write a {PLANG} function that {CODE_TASK}.',
      'Summarize the pros and cons of {CHOICE}.',
      'Rewrite this sentence to sound more formal: "{CASUAL}"',
      'Make a packing list for {TRIP}.',
      'What is the difference between {PAIR}?',
      'Plan a {N}-day itinerary for {TRIP}.',
      'Suggest a polite reply to a colleague who {SITUATION}.',
      'How can I protect my {RELATION} from {SCAM}?',
      'Correct the grammar in: "{CASUAL}"',
    ],
    zh: ['写一首关于{SUBJECT_ZH}的短诗。', '用简单的话向{AUDIENCE_ZH}解释{CONCEPT_ZH}。', '给我{N}个{ACTIVITY_ZH}的点子。', '把“{PHRASE_ZH}”翻译成英文。'],
    es: ['Escribe un poema corto sobre {SUBJECT_ES}.', 'Explícale {CONCEPT_ES} a {AUDIENCE_ES}.', 'Dame {N} ideas para {ACTIVITY_ES}.', 'Traduce "{PHRASE_ES}" al inglés.'],
    de: ['Schreib ein kurzes Gedicht über {SUBJECT_DE}.', 'Erklär {AUDIENCE_DE} {CONCEPT_DE}.', 'Gib mir {N} Ideen für {ACTIVITY_DE}.', 'Übersetze "{PHRASE_DE}" ins Englische.'],
    ja: ['{SUBJECT_JA}についての短い詩を書いて。', '{CONCEPT_JA}を{AUDIENCE_JA}にわかるように説明して。', '{ACTIVITY_JA}のアイデアを{N}つ出して。', '「{PHRASE_JA}」を英語に訳して。'],
    fr: ['Écris un court poème sur {SUBJECT_FR}.', 'Explique {CONCEPT_FR} à {AUDIENCE_FR}.', 'Donne-moi {N} idées pour {ACTIVITY_FR}.', 'Traduis « {PHRASE_FR} » en anglais.'],
  },
  slots: {
    en: {
      FORM: ['short poem', 'haiku', 'limerick', 'birthday message', 'short story', 'toast', 'product description', 'thank-you note', 'cover letter opening'],
      SUBJECT: ['the autumn sea', 'a lighthouse keeper', 'my grandmother\'s garden', 'a rainy Monday', 'our team winning the hackathon', 'learning to ride a bike', 'a retiring colleague', 'the first snow', 'a cat who hates Mondays', 'moving to a new city'],
      RELATION: ['sister', 'father', 'neighbour', 'best friend', 'parents', 'manager'],
      CONCEPT: ['how vaccines work', 'compound interest', 'why the sky is blue', 'how a bill becomes law', 'what a neural network is', 'photosynthesis', 'inflation', 'how encryption protects messages', 'the water cycle', 'how phishing works'],
      AUDIENCE: ['a ten-year-old', 'my grandmother', 'a new employee', 'someone with no technical background', 'a high-school class'],
      PHRASE: ['Where is the train station?', 'Thank you for your patience', 'The meeting is postponed until Thursday', 'Could you send me the invoice?', 'Happy new year to you and your family'],
      LANGNAME: ['French', 'Spanish', 'German', 'Japanese', 'Italian', 'Portuguese', 'Chinese'],
      N: ['three', 'five', 'seven', 'ten'],
      ACTIVITY: ['a rainy weekend with kids', 'a team-building afternoon', 'a vegetarian dinner party', 'learning Spanish faster', 'a small garden balcony', 'a retirement gift'],
      PLANG: ['Python', 'JavaScript', 'TypeScript', 'Go', 'Rust', 'SQL'],
      CODE_TASK: ['reverses a linked list', 'checks whether a string is a palindrome', 'parses a CSV file into a list of dictionaries', 'removes duplicates from a list while keeping order', 'returns the n-th Fibonacci number', 'validates an e-mail address'],
      CHOICE: ['renting versus buying a home', 'electric versus petrol cars', 'working from home', 'learning piano as an adult', 'a gap year before university'],
      CASUAL: ['hey, can u send me the stuff by tmrw?', 'we gotta push the meeting, sorry', 'that idea is kinda bad tbh', 'lemme know if it works for you'],
      TRIP: ['a week in Lisbon', 'a camping trip in the Alps', 'a business trip to Tokyo', 'a long weekend in Rome'],
      PAIR: ['weather and climate', 'a virus and a bacterium', 'affect and effect', 'RAM and storage', 'a stock and a bond'],
      SITUATION: ['keeps interrupting in meetings', 'asked me to cover their shift again', 'sent a report with mistakes', 'missed our deadline'],
      SCAM: ['phone scams', 'fake delivery texts', 'romance scams', 'tech-support scams'],
    },
    zh: { SUBJECT_ZH: ['秋天的海', '外婆的花园', '第一场雪', '下雨的星期一'], AUDIENCE_ZH: ['十岁的孩子', '我奶奶', '新同事'], CONCEPT_ZH: ['复利', '通货膨胀', '疫苗的原理', '光合作用'], N: ['三', '五', '十'], ACTIVITY_ZH: ['带孩子过雨天周末', '团建活动', '素食晚餐'], PHRASE_ZH: ['火车站在哪里？', '谢谢你的耐心', '会议推迟到周四'] },
    es: { SUBJECT_ES: ['el mar en otoño', 'el jardín de mi abuela', 'la primera nevada', 'un lunes de lluvia'], AUDIENCE_ES: ['un niño de diez años', 'mi abuela', 'un empleado nuevo'], CONCEPT_ES: ['el interés compuesto', 'la inflación', 'cómo funcionan las vacunas', 'la fotosíntesis'], N: ['tres', 'cinco', 'diez'], ACTIVITY_ES: ['un fin de semana lluvioso con niños', 'una tarde de equipo', 'una cena vegetariana'], PHRASE_ES: ['¿Dónde está la estación?', 'Gracias por tu paciencia', 'La reunión se aplaza al jueves'] },
    de: { SUBJECT_DE: ['das Meer im Herbst', 'Omas Garten', 'den ersten Schnee', 'einen verregneten Montag'], AUDIENCE_DE: ['einem Zehnjährigen', 'meiner Oma', 'einem neuen Kollegen'], CONCEPT_DE: ['den Zinseszins', 'die Inflation', 'wie Impfstoffe wirken', 'die Photosynthese'], N: ['drei', 'fünf', 'zehn'], ACTIVITY_DE: ['ein verregnetes Wochenende mit Kindern', 'einen Teamausflug', 'ein vegetarisches Abendessen'], PHRASE_DE: ['Wo ist der Bahnhof?', 'Danke für deine Geduld', 'Das Meeting wird auf Donnerstag verschoben'] },
    ja: { SUBJECT_JA: ['秋の海', '祖母の庭', '初雪', '雨の月曜日'], AUDIENCE_JA: ['10歳の子ども', '祖母', '新入社員'], CONCEPT_JA: ['複利', 'インフレ', 'ワクチンの仕組み', '光合成'], N: ['3', '5', '10'], ACTIVITY_JA: ['子どもと過ごす雨の週末', 'チームビルディング', 'ベジタリアンの夕食会'], PHRASE_JA: ['駅はどこですか？', 'ご辛抱いただきありがとうございます', '会議は木曜日に延期です'] },
    fr: { SUBJECT_FR: ['la mer en automne', 'le jardin de ma grand-mère', 'la première neige', 'un lundi pluvieux'], AUDIENCE_FR: ['un enfant de dix ans', 'ma grand-mère', 'un nouveau collègue'], CONCEPT_FR: ['les intérêts composés', 'l\'inflation', 'le fonctionnement des vaccins', 'la photosynthèse'], N: ['trois', 'cinq', 'dix'], ACTIVITY_FR: ['un week-end pluvieux avec des enfants', 'un après-midi d\'équipe', 'un dîner végétarien'], PHRASE_FR: ['Où est la gare ?', 'Merci de ta patience', 'La réunion est reportée à jeudi'] },
  },
};

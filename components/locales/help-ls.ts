/**
 * Help texts in Leichte Sprache (easy-to-read German) for the main steps (A11Y-04): short sentences,
 * one statement each, everyday words, hard words explained. Data only; loaded by jc-help when a person
 * opens "Hilfe in Leichter Sprache". Keys: HELP_TOPICS (components/help/help-topics.ts).
 * `{benefitName}` is the benefit's name in force on the date of application (domain/legal.ts).
 */
import type { HelpTable } from '../help/help-topics.js';

const help: HelpTable = {
  tda: {
    title: 'Der erste Schritt: Sie stellen den Antrag',
    paragraphs: [
      'Hier stellen Sie einen Antrag auf {benefitName}.',
      '{benefitName} ist Geld vom Job-Center. Mit dem Geld bezahlen Sie Ihr Leben. Zum Beispiel Essen und Miete.',
      'Sie schreiben hier nur wenige Dinge auf. Zum Beispiel Ihren Namen und Ihre Adresse.',
      'Dann schicken Sie den Antrag ab. Das Datum von diesem Tag ist wichtig. Der Tag heißt: Tag der Antrag-Stellung.',
      'Für die Zeit vor diesem Monat zahlt das Job-Center kein Geld.',
      'Warten Sie darum nicht zu lange. Schicken Sie den Antrag bald ab.',
      'Sie müssen jetzt noch nicht alles wissen. Den langen Antrag füllen Sie später aus. Papiere schicken Sie auch später.',
      'Was passiert danach? Sie bekommen eine Bestätigung. Darin steht: Ihr Antrag ist beim Job-Center angekommen.',
    ],
  },
  receipt: {
    title: 'Ihr Antrag ist beim Job-Center angekommen',
    paragraphs: [
      'Das Job-Center hat Ihren Antrag bekommen.',
      'Auf dieser Seite steht Ihre Antrags-Nummer. Mit der Nummer findet das Job-Center Ihren Antrag schnell.',
      'Schreiben Sie die Nummer auf. Sagen Sie die Nummer, wenn Sie mit dem Job-Center sprechen.',
      'Hier steht auch ein Datum. An diesem Tag ist Ihr Antrag angekommen. Das Datum ist wichtig für Ihr Geld.',
      'Sie können die Bestätigung als Datei speichern. Die Datei ist ein PDF. Ein PDF können Sie am Computer lesen und drucken.',
      'Wie geht es weiter? Als Nächstes füllen Sie den langen Antrag aus. Der lange Antrag heißt: Haupt-Antrag.',
      'Das Job-Center braucht auch Papiere von Ihnen. Zum Beispiel Ihre Konto-Auszüge oder Ihren Miet-Vertrag. Die Papiere können Sie später schicken.',
    ],
  },
  A: {
    title: 'Angaben zu Ihrer Person',
    paragraphs: [
      'In diesem Teil geht es um Sie.',
      'Das Job-Center möchte wissen: Wer sind Sie? Zum Beispiel: Wie heißen Sie? Wann sind Sie geboren? Wo wohnen Sie?',
      'Schreiben Sie Ihren Namen so wie in Ihrem Ausweis.',
      'Manche Fragen sind freiwillig. Freiwillig heißt: Sie müssen die Frage nicht beantworten. Ihre Telefon-Nummer ist zum Beispiel freiwillig.',
      'Sie wissen eine Antwort nicht? Dann kreuzen Sie an: Weiß ich nicht / reiche ich nach. Sie geben die Antwort dann später.',
      'Hilft Ihnen ein rechtlicher Betreuer? Ein rechtlicher Betreuer kümmert sich mit Ihnen um wichtige Dinge. Dann schreiben Sie auch seinen Namen auf.',
      'Das Programm speichert Ihre Antworten sofort. Sie können also eine Pause machen.',
    ],
  },
  'A/konto': {
    title: 'Ihr Bank-Konto',
    paragraphs: [
      'Das Job-Center überweist Ihnen das Geld. Überweisen heißt: Das Geld kommt auf Ihr Bank-Konto.',
      'Dafür braucht das Job-Center Ihre IBAN. Die IBAN ist die Nummer von Ihrem Konto.',
      'Eine deutsche IBAN fängt mit DE an. Danach kommen 20 Zahlen.',
      'Sie finden die IBAN auf Ihrer Bank-Karte. Sie finden die IBAN auch auf Ihrem Konto-Auszug.',
      'Sie haben kein Konto? Dann schreiben Sie auf: Warum haben Sie kein Konto?',
      'Jeder Mensch darf ein einfaches Konto bei einer Bank haben. Das Konto heißt: Basis-Konto. Fragen Sie bei einer Bank danach.',
    ],
  },
  'G/haushalt': {
    title: 'Wer wohnt bei Ihnen?',
    paragraphs: [
      'Das Job-Center möchte wissen: Wer wohnt mit Ihnen in der Wohnung?',
      'Schreiben Sie alle Menschen aus Ihrer Wohnung auf. Auch Kinder. Auch Menschen aus einer anderen Familie.',
      'Manche Menschen bekommen das Geld zusammen mit Ihnen. Zum Beispiel Ihr Ehe-Partner oder Ihre Kinder. Diese Gruppe heißt: Bedarfs-Gemeinschaft.',
      'Das Job-Center rechnet das Geld für diese Gruppe zusammen aus.',
      'Für manche Menschen kommen danach mehr Fragen. Die Fragen stehen in einer Anlage. Eine Anlage ist ein extra Teil vom Antrag.',
    ],
  },
  'G/wohnkosten': {
    title: 'Kosten für Ihre Wohnung',
    paragraphs: [
      'Das Job-Center kann die Kosten für Ihre Wohnung bezahlen. Auch die Kosten für die Heizung.',
      'Kosten sind zum Beispiel die Miete und die Neben-Kosten. Neben-Kosten sind zum Beispiel Geld für Wasser und Müll.',
      'Gehört Ihnen die Wohnung oder das Haus? Dann haben Sie auch Kosten. Zum Beispiel für einen Kredit bei der Bank.',
      'Sagen Sie hier: Haben Sie solche Kosten? Danach fragt das Job-Center genauer.',
      'Das Job-Center braucht dafür Papiere. Zum Beispiel Ihren Miet-Vertrag.',
      'Sie können die Papiere später hochladen. Hochladen heißt: Sie schicken eine Datei über das Internet.',
    ],
  },
  H: {
    title: 'Ihre Anlagen',
    paragraphs: [
      'Eine Anlage ist ein extra Teil vom Antrag. In einer Anlage sind Fragen zu einem Thema. Zum Beispiel zu Ihrem Lohn.',
      'Sie müssen nicht alle Anlagen ausfüllen. Das Programm sucht die Anlagen für Sie aus. Dafür nimmt es Ihre Antworten.',
      'Auf dieser Seite sehen Sie: Diese Anlagen gehören zu Ihrem Antrag.',
      'Danach kommen die Fragen aus den Anlagen. Eine Anlage nach der anderen.',
    ],
  },
  EK: {
    title: 'Ihr Einkommen',
    paragraphs: [
      'Einkommen heißt: Sie bekommen Geld. Zum Beispiel Lohn für Ihre Arbeit. Oder Rente. Oder Arbeitslosen-Geld.',
      'Das Job-Center muss wissen: Wie viel Geld bekommen Sie schon? Dann rechnet es aus: So viel Geld bekommen Sie vom Job-Center.',
      'Schreiben Sie jedes Einkommen auf. Auch wenig Geld. Zum Beispiel Geld aus einem Mini-Job.',
      'Das Job-Center braucht dafür Papiere. Zum Beispiel Ihre Lohn-Abrechnungen von den letzten 3 Monaten.',
      'Haben Sie eine eigene Firma? Dann fragt das Job-Center noch mehr. Zum Beispiel: Wie viel Geld nehmen Sie ein? Wie viel Geld geben Sie für die Firma aus?',
    ],
  },
  VM: {
    title: 'Ihr Vermögen',
    paragraphs: [
      'Vermögen heißt: Sie haben Geld. Oder Ihnen gehören Sachen mit viel Wert.',
      'Vermögen ist zum Beispiel: Geld auf dem Konto. Geld auf einem Spar-Buch. Ein Auto. Eine Lebens-Versicherung.',
      'Das Job-Center fragt: Welche Konten haben Sie? Schreiben Sie jedes Konto auf.',
      'Das Job-Center braucht dafür Konto-Auszüge von den letzten 3 Monaten. Ein Konto-Auszug zeigt: So viel Geld ist auf dem Konto.',
      'Sie dürfen etwas Vermögen behalten. Das Job-Center prüft: Wie viel dürfen Sie behalten?',
    ],
  },
  I: {
    title: 'Erklärung und Absenden',
    paragraphs: [
      'Das ist der letzte Schritt.',
      'Sie sagen hier: Meine Angaben sind richtig. Ich habe nichts vergessen.',
      'Ändert sich später etwas? Zum Beispiel: Sie finden eine Arbeit. Oder Sie ziehen um. Dann sagen Sie das sofort dem Job-Center.',
      'Sie sagen auch: Ich habe die Regeln zum Daten-Schutz gelesen. Daten-Schutz heißt: Das Job-Center passt auf Ihre Angaben auf.',
      'Prüfen Sie Ihre Angaben noch einmal. Dann drücken Sie auf den Knopf: Antrag absenden.',
      'Das Job-Center bekommt Ihren Antrag nur 1 Mal. Auch wenn Sie 2 Mal drücken.',
    ],
  },
  'ade-receipt': {
    title: 'Ihr Haupt-Antrag ist angekommen',
    paragraphs: [
      'Das Job-Center hat Ihren Haupt-Antrag bekommen.',
      'Sie können Ihren Antrag als Datei speichern. Die Datei ist ein PDF. Ein PDF können Sie am Computer lesen und drucken.',
      'Das Job-Center prüft jetzt Ihren Antrag. Fehlt etwas? Dann meldet sich das Job-Center bei Ihnen.',
      'Unten auf der Seite steht eine Liste mit Nachweisen. Nachweise sind Papiere. Die Papiere zeigen: Ihre Angaben sind richtig.',
      'Sie können die Nachweise hier hochladen. Machen Sie zum Beispiel ein Foto von dem Papier. Dann laden Sie das Foto hoch.',
      'Ihr Antrag gilt auch ohne die Nachweise. Schicken Sie die Nachweise aber bald. Dann bekommen Sie Ihr Geld schneller.',
    ],
  },
};

/** The benefit's legal names (domain/legal.ts) in Leichte Sprache: long words split with a hyphen. */
export const benefitNames: Record<string, string> = {
  Bürgergeld: 'Bürger-Geld',
  Grundsicherungsgeld: 'Grund-Sicherungs-Geld',
};

export default help;

/** OpenAPI 3.1 document generated from the domain's zod schemas (served at /api/openapi.json). */
import * as z from 'zod';
import { accountView, confirmInput, resendInput, sessionView, signInInput, signUpInput } from '../../domain/account.js';
import { problem } from '../../domain/common.js';
import { jobcenterView } from '../../domain/jobcenter.js';
import { ibdNotice, ibdQuery, ibdVersionInput, ibdVersionView } from '../../domain/ibd.js';
import { rolloutInput, rolloutView } from '../../domain/rollout.js';
import { feedbackInput, jobcenterConfig, originsInput, rulesInput, simulateInput, themeInput } from '../../domain/admin-config.js';
import { assignInput, inboxItem, inboxPage, inboxQuery, staffSecondFactorInput, staffSignInInput, staffView, totpConfirmInput } from '../../domain/staff.js';
import { tdaInput, tdaReceipt } from '../../domain/tda.js';
import { mergeInput, supportQuery } from '../../domain/person.js';
import { createApplicationInput, saveAnswersInput } from '../applications/validation.js';
import { answerItemInput, createRequestInput, messageView, requestView, setStatusInput, textInput } from '../../domain/mws.js';
import { oapOverview, oapSaveInput, oapServiceView, oapStaffView, oapTakeoverInput, oapTakeoverResult, verbisExport } from '../../domain/oap.js';

interface Op {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  ok: [number, z.ZodType | null];
  errors: number[];
  auth?: 'level0' | 'level1';
  idempotent?: boolean;
  /** Needs If-Match with the version read (optimistic concurrency, REL-02). */
  ifMatch?: boolean;
  /** Query parameters, from an object schema. */
  query?: z.ZodObject;
  /** multipart/form-data with one `file` part. */
  upload?: boolean;
}

const OPS: Op[] = [
  { method: 'post', path: '/api/accounts', tag: 'Konto', summary: 'Registrieren (sendet Bestätigungsmail)', body: signUpInput, ok: [202, z.object({ status: z.literal('confirmation_sent') })], errors: [400, 415] },
  { method: 'post', path: '/api/accounts/confirm', tag: 'Konto', summary: 'E-Mail-Adresse bestätigen → Sicherheitsstufe 1', body: confirmInput, ok: [200, z.object({ account: accountView })], errors: [400, 415] },
  { method: 'post', path: '/api/accounts/resend-confirmation', tag: 'Konto', summary: 'Bestätigungsmail erneut senden', body: resendInput, ok: [202, null], errors: [400, 415] },
  { method: 'post', path: '/api/sessions', tag: 'Konto', summary: 'Anmelden', body: signInInput, ok: [200, sessionView], errors: [400, 401, 415, 429] },
  { method: 'get', path: '/api/session', tag: 'Konto', summary: 'Aktuelle Sitzung (204 ohne Anmeldung)', ok: [200, sessionView], errors: [], auth: 'level0' },
  { method: 'delete', path: '/api/session', tag: 'Konto', summary: 'Abmelden', ok: [204, null], errors: [] },
  { method: 'post', path: '/api/staff/sessions', tag: 'Mitarbeitende', summary: 'Anmelden, Schritt 1 (Passwort) → TOTP-Schritt oder Einrichtung', body: staffSignInInput, ok: [200, null], errors: [400, 401, 415, 429] },
  { method: 'post', path: '/api/staff/totp/confirm', tag: 'Mitarbeitende', summary: 'Authenticator einrichten: erster Code → Sitzung und 10 Wiederherstellungscodes', body: totpConfirmInput, ok: [200, z.object({ staff: staffView, expiresAt: z.string() }).extend({ recoveryCodes: z.array(z.string()) })], errors: [400, 401, 415, 429] },
  { method: 'post', path: '/api/staff/sessions/second-factor', tag: 'Mitarbeitende', summary: 'Anmelden, Schritt 2 (TOTP- oder Wiederherstellungscode)', body: staffSecondFactorInput, ok: [200, z.object({ staff: staffView, expiresAt: z.string() })], errors: [400, 401, 415, 429] },
  { method: 'get', path: '/api/staff/session', tag: 'Mitarbeitende', summary: 'Aktuelle Sitzung (204 ohne Anmeldung)', ok: [200, z.object({ staff: staffView, expiresAt: z.string() })], errors: [] },
  { method: 'delete', path: '/api/staff/session', tag: 'Mitarbeitende', summary: 'Abmelden', ok: [204, null], errors: [] },
  { method: 'get', path: '/api/staff/inbox', tag: 'Postkorb', summary: 'Vorgänge der eigenen Postkörbe (Filter, Sortierung, Keyset-Paging)', query: inboxQuery, ok: [200, inboxPage], errors: [400, 401, 403] },
  { method: 'get', path: '/api/staff/work-items/{id}', tag: 'Postkorb', summary: 'Einen Vorgang öffnen (protokolliert)', ok: [200, inboxItem], errors: [401, 403, 404] },
  { method: 'post', path: '/api/staff/work-items/{id}/claim', tag: 'Postkorb', summary: 'Vorgang übernehmen', ok: [200, inboxItem], errors: [401, 403, 404, 412, 415, 428], ifMatch: true },
  { method: 'post', path: '/api/staff/work-items/{id}/assign', tag: 'Postkorb', summary: 'Vorgang zuweisen oder freigeben', body: assignInput, ok: [200, inboxItem], errors: [400, 401, 403, 404, 412, 415, 428], ifMatch: true },
  { method: 'get', path: '/api/staff/colleagues', tag: 'Postkorb', summary: 'Kolleginnen und Kollegen des eigenen Jobcenters', ok: [200, null], errors: [401, 403] },
  { method: 'get', path: '/api/staff/internet-persons', tag: 'Dublettenprüfung', summary: 'Internetpersonen des eigenen Jobcenters mit bestem Treffer (Leistung/Teamleitung; protokolliert)', ok: [200, null], errors: [401, 403] },
  { method: 'get', path: '/api/staff/internet-persons/{id}', tag: 'Dublettenprüfung', summary: 'Internetperson mit bewerteten Kandidaten und Gründen, Freigabestand der Anträge (ETag = Version; protokolliert)', ok: [200, null], errors: [401, 403, 404] },
  { method: 'post', path: '/api/staff/internet-persons/{id}/convert', tag: 'Dublettenprüfung', summary: 'Als neue Person mit neuer Kundennummer anlegen (genau einmal; If-Match optional) und Anträge freigeben', ok: [201, null], errors: [401, 403, 404, 409, 412, 428] },
  { method: 'post', path: '/api/staff/internet-persons/{id}/merge', tag: 'Dublettenprüfung', summary: 'Mit einer bekannten Person zusammenführen (genau einmal; If-Match optional) und Anträge freigeben', body: mergeInput, ok: [200, null], errors: [400, 401, 403, 404, 409, 412, 415, 428] },
  { method: 'post', path: '/api/support/accounts/lookup', tag: 'Support', summary: 'Technischer Stand eines Kontos nach E-Mail-Adresse (im Body, nie in der URL), ohne Sozialdaten (nur Rolle support; protokolliert)', body: supportQuery, ok: [200, null], errors: [400, 401, 403, 404, 415] },
  { method: 'post', path: '/api/support/accounts/{id}/resend-confirmation', tag: 'Support', summary: 'Bestätigungsmail erneut senden (inhaltsfrei, höchstens 3 je Stunde; protokolliert)', ok: [202, null], errors: [401, 403, 404, 409, 429] },
  { method: 'post', path: '/api/support/accounts/{id}/unlock', tag: 'Support', summary: 'Anmeldesperre des Kontos aufheben (protokolliert)', ok: [200, null], errors: [401, 403, 404] },
  { method: 'get', path: '/api/staff/applications/{id}', tag: 'Mitwirkung', summary: 'Abgeschickten Antrag prüfen: Antworten nach Abschnitt/Anlage, Nachweise, PDFs, Anforderungen, Vermerke, Nachrichten, Verlauf (protokolliert; ETag = Prüfversion)', ok: [200, null], errors: [401, 403, 404] },
  { method: 'get', path: '/api/staff/applications/{id}/documents/{docId}', tag: 'Mitwirkung', summary: 'Nachweis herunterladen (protokolliert)', ok: [200, null], errors: [401, 403, 404] },
  { method: 'get', path: '/api/staff/applications/{id}/pdf', tag: 'Mitwirkung', summary: 'Antrags-PDF herunterladen (protokolliert)', ok: [200, null], errors: [401, 403, 404] },
  { method: 'get', path: '/api/staff/applications/{id}/tda-pdf', tag: 'Mitwirkung', summary: 'TdA-PDF herunterladen (protokolliert)', ok: [200, null], errors: [401, 403, 404] },
  { method: 'post', path: '/api/staff/applications/{id}/requests', tag: 'Mitwirkung', summary: 'Anforderungsrunde senden (Frist, Hinweis nach § 66 Abs. 3 SGB I, inhaltsfreie E-Mail)', body: createRequestInput, ok: [201, requestView], errors: [400, 401, 403, 404, 409, 415, 422], idempotent: true },
  { method: 'post', path: '/api/staff/applications/{id}/status', tag: 'Mitwirkung', summary: 'Status setzen', body: setStatusInput, ok: [200, null], errors: [400, 401, 403, 404, 409, 412, 415, 428], ifMatch: true },
  { method: 'post', path: '/api/staff/applications/{id}/notes', tag: 'Mitwirkung', summary: 'Interner Vermerk (nie für Antragstellende sichtbar)', body: textInput, ok: [201, null], errors: [400, 401, 403, 404, 415] },
  { method: 'post', path: '/api/staff/applications/{id}/messages', tag: 'Mitwirkung', summary: 'Nachricht an die antragstellende Person (inhaltsfreie E-Mail)', body: textInput, ok: [201, null], errors: [400, 401, 403, 404, 415] },
  { method: 'get', path: '/api/jobcenters', tag: 'Jobcenter', summary: 'Alle Jobcenter', ok: [200, z.object({ items: z.array(jobcenterView) })], errors: [] },
  { method: 'get', path: '/api/jobcenters/{id}', tag: 'Jobcenter', summary: 'Ein Jobcenter mit verfügbaren Modulen', ok: [200, jobcenterView], errors: [404] },
  { method: 'get', path: '/api/jobcenters/{id}/ibd', tag: 'Jobcenter', summary: 'Information zur Bearbeitungsdauer: gültige Fassung am Datum (Standard: heute) oder Ersatztext; Modul aus → { available: false }', query: ibdQuery, ok: [200, ibdNotice], errors: [400, 404] },
  { method: 'get', path: '/api/admin/jobcenters/{id}/ibd', tag: 'Verwaltung', summary: 'Alle Fassungen der IBD-Texte (Jobcenter-Admin: eigenes Jobcenter; RD-Admin: alle)', ok: [200, z.object({ items: z.array(ibdVersionView) })], errors: [401, 403, 404] },
  { method: 'post', path: '/api/admin/jobcenters/{id}/ibd', tag: 'Verwaltung', summary: 'Neue Fassung eines IBD-Textes mit Vorschau (protokolliert)', body: ibdVersionInput, ok: [201, ibdVersionView.extend({ preview: z.object({ de: z.string(), en: z.string().nullable() }) })], errors: [400, 401, 403, 404, 415] },
  { method: 'get', path: '/api/admin/rollout', tag: 'Verwaltung', summary: 'Roll-out: Welle, Starttermin, Module je Jobcenter', ok: [200, z.object({ items: z.array(rolloutView) })], errors: [401, 403] },
  { method: 'get', path: '/api/admin/rollout/{id}', tag: 'Verwaltung', summary: 'Roll-out eines Jobcenters mit Änderungsverlauf (ETag = Version)', ok: [200, null], errors: [401, 403, 404] },
  { method: 'put', path: '/api/admin/rollout/{id}', tag: 'Verwaltung', summary: 'Welle und Starttermin (RD-Admin) oder Module (auch Jobcenter-Admin) ändern (protokolliert)', body: rolloutInput, ok: [200, rolloutView], errors: [400, 401, 403, 404, 412, 415, 428], ifMatch: true },
  { method: 'get', path: '/api/admin/jobcenters/{id}/config', tag: 'Verwaltung', summary: 'Konfiguration eines Jobcenters als ein Dokument mit Version (ETag)', ok: [200, null], errors: [401, 403, 404] },
  { method: 'put', path: '/api/admin/jobcenters/{id}/rules', tag: 'Verwaltung', summary: 'Postkörbe und geordnetes Regelwerk speichern (422 mit Problemen, protokolliert, versioniert)', body: rulesInput, ok: [200, null], errors: [400, 401, 403, 404, 412, 415, 422, 428], ifMatch: true },
  { method: 'put', path: '/api/admin/jobcenters/{id}/origins', tag: 'Verwaltung', summary: 'Erlaubte Herkunft für das Einbetten (nur https, ohne Platzhalter und Pfad)', body: originsInput, ok: [200, null], errors: [400, 401, 403, 404, 412, 415, 428], ifMatch: true },
  { method: 'put', path: '/api/admin/jobcenters/{id}/theme', tag: 'Verwaltung', summary: 'Theme wählen', body: themeInput, ok: [200, null], errors: [400, 401, 403, 404, 412, 415, 428], ifMatch: true },
  { method: 'post', path: '/api/admin/jobcenters/{id}/simulate', tag: 'Verwaltung', summary: 'Routing einer Beispielperson simulieren (gespeichertes oder mitgesendetes Regelwerk)', body: simulateInput, ok: [200, null], errors: [400, 401, 403, 404, 415] },
  { method: 'get', path: '/api/admin/jobcenters/{id}/config/export', tag: 'Verwaltung', summary: 'Konfiguration als JSON-Datei exportieren', ok: [200, jobcenterConfig], errors: [401, 403, 404] },
  { method: 'post', path: '/api/admin/jobcenters/{id}/config/import', tag: 'Verwaltung', summary: 'Konfiguration importieren: prüfen, Unterschiede zeigen, zur Freigabe vorlegen (nie sofort wirksam)', body: jobcenterConfig, ok: [201, null], errors: [400, 401, 403, 404, 415, 422] },
  { method: 'get', path: '/api/admin/jobcenters/{id}/config/changes', tag: 'Verwaltung', summary: 'Offene Konfigurationsänderungen', ok: [200, null], errors: [401, 403, 404] },
  { method: 'post', path: '/api/admin/jobcenters/{id}/config/changes/{changeId}/approve', tag: 'Verwaltung', summary: 'Freigeben durch eine zweite Person (Vier-Augen-Prinzip); veraltet → 409 mit neuen Unterschieden', ok: [200, null], errors: [401, 403, 404, 409] },
  { method: 'post', path: '/api/admin/jobcenters/{id}/config/changes/{changeId}/reject', tag: 'Verwaltung', summary: 'Ablehnen oder zurückziehen', ok: [200, null], errors: [401, 403, 404, 409] },
  { method: 'post', path: '/api/admin/jobcenters/{id}/feedback', tag: 'Verwaltung', summary: 'Anregung von Beschäftigten des Jobcenters an die RD', body: feedbackInput, ok: [201, null], errors: [400, 401, 404, 415] },
  { method: 'get', path: '/api/admin/feedback', tag: 'Verwaltung', summary: 'Anregungen je Jobcenter (RD-Admin)', ok: [200, null], errors: [400, 401, 403] },
  { method: 'post', path: '/api/tda', tag: 'TdA', summary: 'Tag der Antragstellung erklären (genau einmal je Idempotency-Key)', body: tdaInput, ok: [201, tdaReceipt], errors: [400, 401, 403, 409, 415, 422], auth: 'level1', idempotent: true },
  { method: 'get', path: '/api/tda', tag: 'TdA', summary: 'Eigene Eingangsbestätigungen', ok: [200, z.object({ items: z.array(tdaReceipt) })], errors: [401, 403], auth: 'level1' },
  { method: 'get', path: '/api/tda/{id}', tag: 'TdA', summary: 'Eingangsbestätigung', ok: [200, tdaReceipt], errors: [401, 403, 404], auth: 'level1' },
  { method: 'get', path: '/api/tda/{id}/pdf', tag: 'TdA', summary: 'TdA-PDF herunterladen', ok: [200, null], errors: [401, 403, 404], auth: 'level1' },
  { method: 'post', path: '/api/applications', tag: 'Antrag', summary: 'Hauptantrag beginnen oder den offenen Entwurf fortsetzen', body: createApplicationInput, ok: [201, null], errors: [400, 401, 403, 415], auth: 'level1' },
  { method: 'get', path: '/api/applications', tag: 'Antrag', summary: 'Eigene Anträge', ok: [200, null], errors: [401, 403], auth: 'level1' },
  { method: 'get', path: '/api/applications/{id}', tag: 'Antrag', summary: 'Antrag mit Antworten, Anlagen, Nachweisen und offenen Angaben (ETag = Version)', ok: [200, null], errors: [401, 403, 404], auth: 'level1' },
  { method: 'put', path: '/api/applications/{id}/answers', tag: 'Antrag', summary: 'Antworten speichern (Autosave)', body: saveAnswersInput, ok: [200, z.object({ version: z.number().int(), updatedAt: z.string() })], errors: [400, 401, 403, 404, 409, 412, 415, 428], auth: 'level1', ifMatch: true },
  { method: 'post', path: '/api/applications/{id}/submit', tag: 'Antrag', summary: 'Antrag absenden (genau einmal)', ok: [200, null], errors: [400, 401, 403, 404, 409, 412, 428], auth: 'level1', idempotent: true, ifMatch: true },
  { method: 'get', path: '/api/applications/{id}/pdf', tag: 'Antrag', summary: 'Antrags-PDF herunterladen', ok: [200, null], errors: [401, 403, 404], auth: 'level1' },
  { method: 'get', path: '/api/uploads/policy', tag: 'Nachweise', summary: 'Erlaubte Dateitypen, Größen, Kontingent, Virenprüfung', ok: [200, null], errors: [401, 403], auth: 'level1' },
  { method: 'post', path: '/api/applications/{id}/evidence/{itemId}/documents', tag: 'Nachweise', summary: 'Nachweis hochladen (Typ nach Inhalt: PDF, JPEG, PNG)', ok: [201, null], errors: [400, 401, 403, 404, 413, 415, 422, 503], auth: 'level1', upload: true },
  { method: 'get', path: '/api/applications/{id}/documents/{docId}', tag: 'Nachweise', summary: 'Nachweis herunterladen', ok: [200, null], errors: [401, 403, 404], auth: 'level1' },
  { method: 'get', path: '/api/applications/{id}/requests', tag: 'Mitwirkung', summary: 'Offene und beantwortete Anforderungen mit Frist und Hinweis, Nachrichten, Statusverlauf', ok: [200, null], errors: [401, 403, 404], auth: 'level1' },
  { method: 'post', path: '/api/applications/{id}/requests/{rid}/items/{iid}/answer', tag: 'Mitwirkung', summary: 'Punkt beantworten: Angabe korrigieren ({ value }) oder Nachweis als eingereicht melden ({})', body: answerItemInput, ok: [200, null], errors: [400, 401, 403, 404, 409, 415], auth: 'level1' },
  { method: 'post', path: '/api/applications/{id}/requests/{rid}/reply', tag: 'Mitwirkung', summary: 'Antwort an das Jobcenter zu einer Anforderung', body: textInput, ok: [201, messageView], errors: [400, 401, 403, 404, 415], auth: 'level1' },
  { method: 'post', path: '/api/applications/{id}/requests/{rid}/submit', tag: 'Mitwirkung', summary: 'Anforderungsrunde zurücksenden (auch mit offenen Punkten)', ok: [200, null], errors: [400, 401, 403, 404, 415], auth: 'level1' },
  { method: 'delete', path: '/api/applications/{id}/documents/{docId}', tag: 'Nachweise', summary: 'Nachweis löschen', ok: [204, null], errors: [401, 403, 404], auth: 'level1' },
  { method: 'get', path: '/api/oap', tag: 'Arbeitsmarktprofil', summary: 'Die drei eServices (situation, cv, conditions): Status, Version, Vollständigkeit', ok: [200, oapOverview], errors: [401, 403, 409], auth: 'level1' },
  { method: 'get', path: '/api/oap/{service}', tag: 'Arbeitsmarktprofil', summary: 'Ein eService mit Antworten und abgeschickten Versionen (ETag = Version)', ok: [200, oapServiceView], errors: [401, 403, 404, 409], auth: 'level1' },
  { method: 'put', path: '/api/oap/{service}/answers', tag: 'Arbeitsmarktprofil', summary: 'Antworten speichern (Autosave; unvollständig erlaubt)', body: oapSaveInput, ok: [200, oapServiceView], errors: [400, 401, 403, 404, 409, 412, 415, 428], auth: 'level1', ifMatch: true },
  { method: 'post', path: '/api/oap/{service}/submit', tag: 'Arbeitsmarktprofil', summary: 'eService abschicken: neue unveränderliche Version, Vorgang an Markt & Integration', ok: [200, oapServiceView], errors: [400, 401, 403, 404, 409, 412, 422, 428], auth: 'level1', idempotent: true, ifMatch: true },
  { method: 'get', path: '/api/staff/oap/{profileId}', tag: 'Arbeitsmarktprofil', summary: 'Abgeschickte eServices im Feldvergleich mit VerBIS (protokolliert; ETag = Prüfversion)', ok: [200, oapStaffView], errors: [401, 403, 404] },
  { method: 'post', path: '/api/staff/oap/{profileId}/takeover', tag: 'Arbeitsmarktprofil', summary: 'Angenommene Felder nach VerBIS übernehmen (eine neue VerBIS-Version, Vorgang erledigt)', body: oapTakeoverInput, ok: [200, oapTakeoverResult], errors: [400, 401, 403, 404, 409, 412, 415, 422, 428], idempotent: true, ifMatch: true },
  { method: 'get', path: '/api/staff/oap/{profileId}/verbis-export', tag: 'Arbeitsmarktprofil', summary: 'VerBIS-Profil als versioniertes JSON-Dokument (protokolliert)', ok: [200, verbisExport], errors: [401, 403, 404] },
];

function schema(s: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' });
}

/** Builds the OpenAPI 3.1 document. */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPS) {
    const params = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...(op.query
        ? Object.entries((schema(op.query, 'input') as { properties?: Record<string, unknown> }).properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }))
        : []),
      ...(op.ifMatch ? [{ name: 'If-Match', in: 'header', required: true, schema: { type: 'string', examples: ['"3"'] } }] : []),
      ...(op.idempotent ? [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', minLength: 8, maxLength: 100 } }] : []),
    ];
    const responses: Record<string, unknown> = {
      [op.ok[0]]: {
        description: 'OK',
        ...(op.ok[1] ? { content: { 'application/json': { schema: schema(op.ok[1], 'output') } } } : {}),
        ...(op.path.endsWith('/pdf') ? { content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } : {}),
      },
    };
    for (const status of op.errors) {
      responses[status] = { description: 'Problem (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    }
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      tags: [op.tag],
      ...(params.length ? { parameters: params } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(op.body, 'input') } } } } : {}),
      ...(op.upload ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } } } } } : {}),
      responses,
      ...(op.auth ? { security: [{ cookieSession: [] }, { bearerSession: [] }], 'x-min-security-level': op.auth === 'level1' ? 1 : 0 } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Jobcenter-Widgets API', version: '0.1.0', description: 'API hinter den Jobcenter-Widgets: Registrierung, Tag der Antragstellung, Hauptantrag mit Anlagen, Nachweise.' },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: { Problem: schema(problem, 'output') },
      securitySchemes: {
        cookieSession: { type: 'apiKey', in: 'cookie', name: '__Host-jc_session' },
        bearerSession: { type: 'http', scheme: 'bearer' },
      },
    },
  };
}

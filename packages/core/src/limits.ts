/** Product limits that users depend on (spec C1). Validation at every boundary reads them from here. */
export const LIMITS = {
  tenantName: { min: 2, max: 40, pattern: '^[a-z0-9][a-z0-9-]*[a-z0-9]$' },
  displayName: { max: 100 },
  username: { min: 1, max: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]*$' },
  password: { min: 8, max: 128 },
  agentAlias: { max: 40, pattern: '^[^<>]*$' },
  extension: { max: 20, pattern: '^[0-9*#+]+$' },
  teamName: { max: 60 },
  skillName: { max: 60 },
  reasonLabel: { max: 60 },
  /** Reason codes are numeric, as telephony systems report them. */
  reasonCode: { min: 1, max: 65_535 },
  competence: { min: 1, max: 10 },
  skillsPerAgent: { max: 100 },
  apiKeyName: { max: 60 },
  calendarName: { max: 100 },
  calendarsPerTenant: { max: 100 },
  /** Call flows (spec C13): the IVR a call goes through before it waits in a voice CSQ. */
  callFlowName: { max: 100 },
  callFlowsPerTenant: { max: 200 },
  /**
   * Phone numbers: where inbound calls arrive, a DID (`+4930123456`) or a short internal number (`2000`), 2 to
   * 20 digits with `+` in front or not. Unique on the server, whatever the tenant.
   */
  phoneNumber: { pattern: '^\\+?[0-9]{2,20}$' },
  phoneNumberName: { max: 100 },
  phoneNumbersPerTenant: { max: 1000 },
  /**
   * Desk phones: SIP phones on agents' desks, each known by an extension of the tenant (digits, `*`, `#`, `+`,
   * see `extension`) that fits the tenant's extension dial pattern.
   */
  deskPhoneName: { max: 100 },
  deskPhonesPerTenant: { max: 5000 },
  /** A dial pattern such as `2XXX` or `[1-5]X!` (core `voice/dial-pattern.ts`), in characters. */
  dialPattern: { max: 40 },
  /** A CSQ's alert thresholds (spec C6, queue view): each optional; null turns it off. */
  csqServiceLevelBelowPercent: { min: 1, max: 100 },
  csqLongestWaitAboveSeconds: { min: 1, max: 86_400 },
  csqWaitingAbove: { min: 1, max: 10_000 },
  /** Team messages (spec C6): text in Unicode code points, one line of printable characters. */
  teamMessageText: { min: 1, max: 255 },
  /** From 5 minutes to 23 h 55 min. */
  teamMessageExpiryMinutes: { min: 5, max: 23 * 60 + 55 },
  /** Per publisher in any rolling hour; creating and deleting a message each count as one. */
  teamMessagePublishesPerHour: { max: 100 },
  /** Unexpired, undeleted messages of a tenant. */
  teamMessagesActivePerTenant: { max: 1600 },
  /**
   * Assist (spec C6): how long a team's primary supervisor has to answer before the secondary is alerted too.
   * Fixed for every tenant for now (the defaults); a tenant setting must stay within the bounds.
   */
  assistEscalationMs: {
    help: { default: 30_000, min: 5_000, max: 300_000 },
    emergency: { default: 10_000, min: 5_000, max: 60_000 },
  },
  /** A chat message, in Unicode code points (spec C3). */
  chatMessage: { max: 1500 },
  /** Messages one chat's customer may send at once, and then per second (a flood is refused with 429). */
  chatMessageRate: { burst: 20, perSecond: 1 },
  /** Chats one address may start through one widget at once, and then per second. */
  chatStartRate: { burst: 10, perSecond: 0.2 },
  /** What an agent tells the agent who receives a contact they transfer (code points; never shown to the customer). */
  transferNote: { max: 500 },
  /** Messages an agent who joins a chat later (group chat) sees of what came before. */
  chatHistoryForInvitee: { max: 100 },
  /** A contact note an agent writes for the next agent and the customer's history, in code points (spec C5). */
  contactNote: { max: 1000 },
  /** Notes on one contact: what its agents (after transfers) may leave. */
  contactNotesPerContact: { max: 20 },
  /** Whispers supervisors may send in one chat (spec C6); the list of them is bounded by the same number. */
  chatWhispers: { max: 100 },
  /** A customer's earlier contacts, and an agent's recent ones, shown at the desktop. */
  contactHistory: { default: 20, max: 50 },
  /** Predefined responses (spec C3): titles unique per tenant; bodies in Unicode code points. */
  predefinedResponseTitle: { max: 100 },
  predefinedResponseBody: { max: 1500 },
  /** A response is global, or tagged to 1–10 CSQs of its channel. */
  predefinedResponseCsqs: { min: 1, max: 10 },
  /** Chat and email responses together. */
  predefinedResponsesPerTenant: { max: 500 },
  /** Wrap-up reasons (spec C3): category and reason names, unique in their scope. */
  wrapUpName: { max: 40 },
  wrapUpCategoriesPerTenant: { max: 25 },
  wrapUpReasonsPerCategory: { max: 25 },
  /** Categories tagged to one CSQ; global categories are not tagged and do not count. */
  wrapUpCategoriesPerCsq: { max: 10 },
  /** Reasons an agent picks for one contact. */
  wrapUpReasonsPerContact: { max: 5 },
  /** Chat record exports of a tenant that are queued or running at once (each is a background job). */
  chatRecordExportsPendingPerTenant: { max: 5 },
  /**
   * Calls from web pages a tenant's lines carry at once (waiting, ringing or talking) in one server: each holds
   * a media leg, so a flood of callers cannot take the server's capacity from other tenants.
   */
  webCallsPerTenant: { max: 200 },
  /** A number an agent dials, once spaces and dashes are left out (ITU-T E.164 numbers have at most 15 digits). */
  dialledNumber: { min: 2, max: 32 },
  /** Dial patterns of a tenant's outbound dial plan. */
  outboundPatterns: { max: 20 },
  /** Emergency numbers of a tenant's outbound dial plan: 2–6 digits each. */
  emergencyNumbers: { max: 10, pattern: '^[0-9]{2,6}$' },
  /** The country calling code of a dial plan, without `+`. */
  countryCode: { pattern: '^[1-9][0-9]{0,2}$' },
  /** Prefixes that dial abroad besides `+` (00, 011): 1–4 digits each. */
  internationalPrefixes: { max: 5, pattern: '^[0-9]{1,4}$' },
  /** The code a PBX behind the trunk takes for an outside line (9). */
  outsideLinePrefix: { pattern: '^[0-9*#]{1,4}$' },
  /** A tenant's outbound calls in progress at once (its own limit is at most this). */
  outboundCallsPerTenant: { max: 500 },
  /** Chat widgets (spec C3): what a website embeds. */
  widgetsPerTenant: { max: 100 },
  widgetName: { max: 60 },
  widgetDescription: { max: 500 },
  /** Titles, button texts, field labels, problem statements: one short line. */
  widgetLabel: { max: 60 },
  /** Texts shown to customers: wait, off-hours, error and confirmation messages. */
  widgetMessage: { max: 500 },
  /** The text before or after an agent's alias in "agent joined" and "agent left" (may be empty). */
  widgetAliasText: { max: 100 },
  /** A CSS font stack of names, quotes, commas and spaces only, e.g. `"Open Sans", Arial, sans-serif`. */
  widgetFontFamily: { max: 200, pattern: '^[A-Za-z0-9 ,\'"._-]+$' },
  /** Colours are `#rrggbb`. */
  widgetColour: { pattern: '^#[0-9a-fA-F]{6}$' },
  widgetCustomFields: { max: 10 },
  widgetProblemStatements: { min: 1, max: 20 },
  /** What a customer types into the chat form: name, email, phone and each custom field (code points). */
  chatFormValue: { max: 200 },
  /**
   * Interval history files (spec C7): an upload of at most 50 MB and 500,000 rows; a file with errors reports
   * at most 100 of them (then reading stops), and a dry run previews the first 20 rows.
   */
  intervalImport: { fileBytes: 50 * 1024 * 1024, rows: 500_000, errorsReported: 100, previewRows: 20 },
  /** The rows of interval history are 15, 30 or 60 minutes long. */
  intervalMinutes: [15, 30, 60],
  /** The queue an interval row is about: a CSQ's or call type's name, in code points. */
  intervalQueueName: { max: 100 },
  /** Interval history read or exported at once (one request). */
  intervalExportRows: { max: 500_000 },
  listPageSize: { default: 50, max: 500 },
  accessTokenMinutes: { min: 5, max: 120, default: 60 },
  refreshTokenHours: { min: 2, max: 24, default: 10 },
  authCodeMinutes: { min: 1, max: 10, default: 1 },
  /** How long an agent's desktop may be gone (every tab closed) before they are put Not Ready. */
  disconnectGraceSeconds: { min: 10, max: 600, default: 60 },
} as const;

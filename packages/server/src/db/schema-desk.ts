import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './schema-identity.ts';

/* What agents read at their desk besides contacts: team messages, predefined responses, wrap-up reasons. */

export interface TeamMessagesTable {
  id: string;
  tenant_id: string;
  seq: ColumnType<string, never, never>;
  /** Who published it: a supervisor or an administrator. */
  supervisor_id: string;
  text: string;
  created_at: Date;
  expires_at: Date;
  deleted_at: Date | null;
  deleted_by: string | null;
}

export interface TeamMessageTargetsTable {
  tenant_id: string;
  message_id: string;
  team_id: string;
}

export interface TeamMessagePublishesTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  at: Date;
}

export interface PredefinedResponsesTable {
  id: string;
  tenant_id: string;
  channel: 'chat' | 'email';
  title: string;
  /** Chat: plain text; email: sanitised HTML. */
  body: string;
  /** Offered in every CSQ of its channel; otherwise in the CSQs tagged below. */
  global: boolean;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface PredefinedResponseCsqsTable {
  tenant_id: string;
  response_id: string;
  csq_id: string;
}

export interface WrapUpCategoriesTable {
  id: string;
  tenant_id: string;
  created_at: Date;
}

/** One version of a category; the one in force at t has valid_from <= t < valid_to (or no valid_to). */
export interface WrapUpCategoryVersionsTable {
  version: ColumnType<string, never, never>;
  tenant_id: string;
  category_id: string;
  name: string;
  global: boolean;
  valid_from: Date;
  valid_to: Date | null;
}

export interface WrapUpCategoryCsqsTable {
  tenant_id: string;
  category_version: string;
  csq_id: string;
}

/** One version of a reason; `id` names the reason across its versions. */
export interface WrapUpReasonsTable {
  version: ColumnType<string, never, never>;
  tenant_id: string;
  id: string;
  category_id: string;
  name: string;
  valid_from: Date;
  valid_to: Date | null;
}

export interface DeskTables {
  team_messages: TeamMessagesTable;
  team_message_targets: TeamMessageTargetsTable;
  team_message_publishes: TeamMessagePublishesTable;
  predefined_responses: PredefinedResponsesTable;
  predefined_response_csqs: PredefinedResponseCsqsTable;
  wrap_up_categories: WrapUpCategoriesTable;
  wrap_up_category_versions: WrapUpCategoryVersionsTable;
  wrap_up_category_csqs: WrapUpCategoryCsqsTable;
  wrap_up_reasons: WrapUpReasonsTable;
}

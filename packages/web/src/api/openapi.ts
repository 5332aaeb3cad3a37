/**
 * Generated from the server's OpenAPI document by `npm run api:types` (openapi-typescript): do not edit.
 * The desktop's API types in ./types.ts are derived from these, so they follow the server's schemas.
 */

export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a password
         * @description Counted before the password is checked: after 5 failures for a user from one address (50 from one address across users) each further attempt waits twice as long as the last, from 1 s up to 15 min (429 too_many_attempts with Retry-After).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tenant: string;
                        username: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            refreshToken: string;
                            /** @description Seconds until the access token expires. */
                            expiresIn: number;
                            /** @description Seconds until the refresh token expires; then sign in again. */
                            refreshExpiresIn: number;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new token pair
         * @description Send the current access token as Bearer and the refresh token in the body; both must still be valid.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            refreshToken: string;
                            /** @description Seconds until the access token expires. */
                            expiresIn: number;
                            /** @description Seconds until the refresh token expires; then sign in again. */
                            refreshExpiresIn: number;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description The agent ID: unique in the tenant, used to sign in. */
                            username: string;
                            displayName: string;
                            /** @enum {unknown} */
                            role: "administrator" | "supervisor" | "agent" | "service";
                            /** @description Name shown to customers; spaces allowed. */
                            alias: string | null;
                            /** @description The alias, or the agent ID where no alias is set. */
                            shownName: string;
                            extension: string | null;
                            /** Format: uuid */
                            teamId: string | null;
                            skills: {
                                /** Format: uuid */
                                skillId: string;
                                competence: number;
                            }[];
                            active: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change your own password */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your tenant and its settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            displayName: string;
                            settings: {
                                tokens: {
                                    /** @description Access token lifetime, 5–120 minutes (default 60). */
                                    accessTokenMinutes: number;
                                    /** @description Refresh token lifetime, 2–24 hours (default 10). */
                                    refreshTokenHours: number;
                                    /** @description Single sign-on authorization code lifetime, 1–10 minutes. */
                                    authCodeMinutes: number;
                                };
                                presence: {
                                    /** @description How long an agent may have no desktop open (every tab closed) before a Ready agent is put Not Ready, 10–600 s (default 60). */
                                    disconnectGraceSeconds: number;
                                    /**
                                     * Format: uuid
                                     * @description The Not Ready reason code given then; null: the system code "Connection lost".
                                     */
                                    disconnectReasonCodeId: string | null;
                                };
                            };
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenant/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change token lifetimes and desktop presence (within the bounds shown) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tokens?: {
                            /** @description Access token lifetime, 5–120 minutes (default 60). */
                            accessTokenMinutes?: number;
                            /** @description Refresh token lifetime, 2–24 hours (default 10). */
                            refreshTokenHours?: number;
                            /** @description Single sign-on authorization code lifetime, 1–10 minutes. */
                            authCodeMinutes?: number;
                        };
                        presence?: {
                            /** @description How long an agent may have no desktop open (every tab closed) before a Ready agent is put Not Ready, 10–600 s (default 60). */
                            disconnectGraceSeconds?: number;
                            /**
                             * Format: uuid
                             * @description The Not Ready reason code given then; null: the system code "Connection lost".
                             */
                            disconnectReasonCodeId?: string | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            displayName: string;
                            settings: {
                                tokens: {
                                    /** @description Access token lifetime, 5–120 minutes (default 60). */
                                    accessTokenMinutes: number;
                                    /** @description Refresh token lifetime, 2–24 hours (default 10). */
                                    refreshTokenHours: number;
                                    /** @description Single sign-on authorization code lifetime, 1–10 minutes. */
                                    authCodeMinutes: number;
                                };
                                presence: {
                                    /** @description How long an agent may have no desktop open (every tab closed) before a Ready agent is put Not Ready, 10–600 s (default 60). */
                                    disconnectGraceSeconds: number;
                                    /**
                                     * Format: uuid
                                     * @description The Not Ready reason code given then; null: the system code "Connection lost".
                                     */
                                    disconnectReasonCodeId: string | null;
                                };
                            };
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: {
            parameters: {
                query?: {
                    role?: "administrator" | "supervisor" | "agent" | "service";
                    teamId?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description The agent ID: unique in the tenant, used to sign in. */
                            username: string;
                            displayName: string;
                            /** @enum {unknown} */
                            role: "administrator" | "supervisor" | "agent" | "service";
                            /** @description Name shown to customers; spaces allowed. */
                            alias: string | null;
                            /** @description The alias, or the agent ID where no alias is set. */
                            shownName: string;
                            extension: string | null;
                            /** Format: uuid */
                            teamId: string | null;
                            skills: {
                                /** Format: uuid */
                                skillId: string;
                                competence: number;
                            }[];
                            active: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user (agent, supervisor, administrator or service user) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        displayName: string;
                        /** @enum {unknown} */
                        role: "administrator" | "supervisor" | "agent" | "service";
                        /** @description Required when an administrator creates a person; left out for service users, and by API keys, which may not set passwords (the person signs in once an administrator sets one). */
                        password?: string;
                        alias?: string | null;
                        extension?: string | null;
                        /** Format: uuid */
                        teamId?: string | null;
                        skills?: {
                            /** Format: uuid */
                            skillId: string;
                            competence: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description The agent ID: unique in the tenant, used to sign in. */
                            username: string;
                            displayName: string;
                            /** @enum {unknown} */
                            role: "administrator" | "supervisor" | "agent" | "service";
                            /** @description Name shown to customers; spaces allowed. */
                            alias: string | null;
                            /** @description The alias, or the agent ID where no alias is set. */
                            shownName: string;
                            extension: string | null;
                            /** Format: uuid */
                            teamId: string | null;
                            skills: {
                                /** Format: uuid */
                                skillId: string;
                                competence: number;
                            }[];
                            active: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description The agent ID: unique in the tenant, used to sign in. */
                            username: string;
                            displayName: string;
                            /** @enum {unknown} */
                            role: "administrator" | "supervisor" | "agent" | "service";
                            /** @description Name shown to customers; spaces allowed. */
                            alias: string | null;
                            /** @description The alias, or the agent ID where no alias is set. */
                            shownName: string;
                            extension: string | null;
                            /** Format: uuid */
                            teamId: string | null;
                            skills: {
                                /** Format: uuid */
                                skillId: string;
                                competence: number;
                            }[];
                            active: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user; active=false signs them out and revokes their API keys */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        /** @enum {unknown} */
                        role?: "administrator" | "supervisor" | "agent" | "service";
                        alias?: string | null;
                        extension?: string | null;
                        /** Format: uuid */
                        teamId?: string | null;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description The agent ID: unique in the tenant, used to sign in. */
                            username: string;
                            displayName: string;
                            /** @enum {unknown} */
                            role: "administrator" | "supervisor" | "agent" | "service";
                            /** @description Name shown to customers; spaces allowed. */
                            alias: string | null;
                            /** @description The alias, or the agent ID where no alias is set. */
                            shownName: string;
                            extension: string | null;
                            /** Format: uuid */
                            teamId: string | null;
                            skills: {
                                /** Format: uuid */
                                skillId: string;
                                competence: number;
                            }[];
                            active: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/skills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace an agent's skills and competences (applies to the next routing decision) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        skills: {
                            /** Format: uuid */
                            skillId: string;
                            competence: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description The agent ID: unique in the tenant, used to sign in. */
                            username: string;
                            displayName: string;
                            /** @enum {unknown} */
                            role: "administrator" | "supervisor" | "agent" | "service";
                            /** @description Name shown to customers; spaces allowed. */
                            alias: string | null;
                            /** @description The alias, or the agent ID where no alias is set. */
                            shownName: string;
                            extension: string | null;
                            /** Format: uuid */
                            teamId: string | null;
                            skills: {
                                /** Format: uuid */
                                skillId: string;
                                competence: number;
                            }[];
                            active: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a user's password */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List teams */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            primarySupervisorId: string | null;
                            /** Format: uuid */
                            secondarySupervisorId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Create a team with a primary and a secondary supervisor */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** Format: uuid */
                        primarySupervisorId?: string | null;
                        /** Format: uuid */
                        secondarySupervisorId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            primarySupervisorId: string | null;
                            /** Format: uuid */
                            secondarySupervisorId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a team */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            primarySupervisorId: string | null;
                            /** Format: uuid */
                            secondarySupervisorId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a team (its agents keep working without a team) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a team */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** Format: uuid */
                        primarySupervisorId?: string | null;
                        /** Format: uuid */
                        secondarySupervisorId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            primarySupervisorId: string | null;
                            /** Format: uuid */
                            secondarySupervisorId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/skills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List skills */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Create a skill */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/skills/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a skill */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a skill (agents lose it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a skill */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/reason-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List reason codes */
        get: {
            parameters: {
                query?: {
                    /** @description not_ready: why an agent is not taking contacts; logout: why an agent signed out. */
                    kind?: "not_ready" | "logout";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description not_ready: why an agent is not taking contacts; logout: why an agent signed out.
                             * @enum {unknown}
                             */
                            kind: "not_ready" | "logout";
                            code: number;
                            label: string;
                            /** @description Given by the product itself (e.g. "Connection lost"): may be renamed, not deleted. */
                            system: boolean;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Create a reason code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description not_ready: why an agent is not taking contacts; logout: why an agent signed out.
                         * @enum {unknown}
                         */
                        kind: "not_ready" | "logout";
                        code: number;
                        label: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description not_ready: why an agent is not taking contacts; logout: why an agent signed out.
                             * @enum {unknown}
                             */
                            kind: "not_ready" | "logout";
                            code: number;
                            label: string;
                            /** @description Given by the product itself (e.g. "Connection lost"): may be renamed, not deleted. */
                            system: boolean;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reason-codes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a reason code */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a reason code */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description not_ready: why an agent is not taking contacts; logout: why an agent signed out.
                         * @enum {unknown}
                         */
                        kind?: "not_ready" | "logout";
                        code?: number;
                        label?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description not_ready: why an agent is not taking contacts; logout: why an agent signed out.
                             * @enum {unknown}
                             */
                            kind: "not_ready" | "logout";
                            code: number;
                            label: string;
                            /** @description Given by the product itself (e.g. "Connection lost"): may be renamed, not deleted. */
                            system: boolean;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a service user's API keys (never the secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            userId: string;
                            name: string;
                            /**
                             * @description read: read APIs only (the default); write: may also maintain users, teams, skills and reason codes.
                             * @enum {unknown}
                             */
                            scope: "read" | "write";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            revokedAt: string | null;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Issue an API key for a service user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @description read: read APIs only (the default); write: may also maintain users, teams, skills and reason codes.
                         * @enum {unknown}
                         */
                        scope?: "read" | "write";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            userId: string;
                            name: string;
                            /**
                             * @description read: read APIs only (the default); write: may also maintain users, teams, skills and reason codes.
                             * @enum {unknown}
                             */
                            scope: "read" | "write";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            revokedAt: string | null;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                            /** @description The secret. It is shown this once; store it now. */
                            key: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API key at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            userId: string;
                            name: string;
                            /**
                             * @description read: read APIs only (the default); write: may also maintain users, teams, skills and reason codes.
                             * @enum {unknown}
                             */
                            scope: "read" | "write";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            revokedAt: string | null;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Configuration changes, sign-ins and password changes, newest first: who, what, when, before and after; filter by who, action, record and time */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    before?: string;
                    entityType?: string;
                    entityId?: string;
                    actorId?: string;
                    action?: "create" | "update" | "delete" | "sign_in" | "sign_in_failed" | "sign_in_delayed" | "password_check_failed" | "password_change" | "monitor_start" | "barge_start";
                    /** @description From this moment on. */
                    since?: string;
                    /** @description Before this moment. */
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Increasing; pass the last one as `before` for the next page. */
                            id: string;
                            /** Format: date-time */
                            at: string;
                            /** Format: uuid */
                            actorId: string | null;
                            actorName: string;
                            action: string;
                            entityType: string;
                            entityId: string;
                            /** @description The changed record's name (or username, title) where it has one. */
                            record: string | null;
                            before: unknown;
                            after: unknown;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/csqs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contact service queues */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /**
                             * @description longest_available and most_skilled for every channel; least_skilled, linear, circular, most_handled and shortest_aht for voice.
                             * @enum {unknown}
                             */
                            criterion: "longest_available" | "most_skilled" | "least_skilled" | "linear" | "circular" | "most_handled" | "shortest_aht";
                            skills: {
                                /** Format: uuid */
                                skillId: string;
                                minCompetence: number;
                            }[];
                            /** @description Agent order for linear and circular. */
                            agentOrder: string[];
                            /** @description Service-level threshold: a contact answered within this many seconds of queue entry counts as within service level (default 20). */
                            serviceLevelSeconds: number;
                            /** @description The queue view's alert thresholds; null turns one off. */
                            thresholds: {
                                /** @description Warn when today's service level falls below this percentage (amber within 5 points above it). */
                                serviceLevelBelowPercent: number | null;
                                /** @description Warn when the longest wait now exceeds this many seconds (amber from 80 % of it). */
                                longestWaitAboveSeconds: number | null;
                                /** @description Warn when more contacts than this wait now (amber from 80 % of it). */
                                waitingAbove: number | null;
                            };
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Create a CSQ: channel, required skills with minimum competences, selection criterion */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {unknown} */
                        channel: "voice" | "chat" | "email";
                        /**
                         * @description longest_available and most_skilled for every channel; least_skilled, linear, circular, most_handled and shortest_aht for voice.
                         * @enum {unknown}
                         */
                        criterion: "longest_available" | "most_skilled" | "least_skilled" | "linear" | "circular" | "most_handled" | "shortest_aht";
                        skills: {
                            /** Format: uuid */
                            skillId: string;
                            minCompetence: number;
                        }[];
                        /** @description Agent order for linear and circular. */
                        agentOrder?: string[];
                        /** @description Service-level threshold: a contact answered within this many seconds of queue entry counts as within service level (default 20). */
                        serviceLevelSeconds?: number;
                        /** @description Thresholds to set; those left out keep their value. */
                        thresholds?: {
                            /** @description Warn when today's service level falls below this percentage (amber within 5 points above it). */
                            serviceLevelBelowPercent?: number | null;
                            /** @description Warn when the longest wait now exceeds this many seconds (amber from 80 % of it). */
                            longestWaitAboveSeconds?: number | null;
                            /** @description Warn when more contacts than this wait now (amber from 80 % of it). */
                            waitingAbove?: number | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /**
                             * @description longest_available and most_skilled for every channel; least_skilled, linear, circular, most_handled and shortest_aht for voice.
                             * @enum {unknown}
                             */
                            criterion: "longest_available" | "most_skilled" | "least_skilled" | "linear" | "circular" | "most_handled" | "shortest_aht";
                            skills: {
                                /** Format: uuid */
                                skillId: string;
                                minCompetence: number;
                            }[];
                            /** @description Agent order for linear and circular. */
                            agentOrder: string[];
                            /** @description Service-level threshold: a contact answered within this many seconds of queue entry counts as within service level (default 20). */
                            serviceLevelSeconds: number;
                            /** @description The queue view's alert thresholds; null turns one off. */
                            thresholds: {
                                /** @description Warn when today's service level falls below this percentage (amber within 5 points above it). */
                                serviceLevelBelowPercent: number | null;
                                /** @description Warn when the longest wait now exceeds this many seconds (amber from 80 % of it). */
                                longestWaitAboveSeconds: number | null;
                                /** @description Warn when more contacts than this wait now (amber from 80 % of it). */
                                waitingAbove: number | null;
                            };
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/csqs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a CSQ */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /**
                             * @description longest_available and most_skilled for every channel; least_skilled, linear, circular, most_handled and shortest_aht for voice.
                             * @enum {unknown}
                             */
                            criterion: "longest_available" | "most_skilled" | "least_skilled" | "linear" | "circular" | "most_handled" | "shortest_aht";
                            skills: {
                                /** Format: uuid */
                                skillId: string;
                                minCompetence: number;
                            }[];
                            /** @description Agent order for linear and circular. */
                            agentOrder: string[];
                            /** @description Service-level threshold: a contact answered within this many seconds of queue entry counts as within service level (default 20). */
                            serviceLevelSeconds: number;
                            /** @description The queue view's alert thresholds; null turns one off. */
                            thresholds: {
                                /** @description Warn when today's service level falls below this percentage (amber within 5 points above it). */
                                serviceLevelBelowPercent: number | null;
                                /** @description Warn when the longest wait now exceeds this many seconds (amber from 80 % of it). */
                                longestWaitAboveSeconds: number | null;
                                /** @description Warn when more contacts than this wait now (amber from 80 % of it). */
                                waitingAbove: number | null;
                            };
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a CSQ that holds no contacts */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a CSQ (applies to the next routing decision) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /**
                         * @description longest_available and most_skilled for every channel; least_skilled, linear, circular, most_handled and shortest_aht for voice.
                         * @enum {unknown}
                         */
                        criterion?: "longest_available" | "most_skilled" | "least_skilled" | "linear" | "circular" | "most_handled" | "shortest_aht";
                        skills?: {
                            /** Format: uuid */
                            skillId: string;
                            minCompetence: number;
                        }[];
                        /** @description Agent order for linear and circular. */
                        agentOrder?: string[];
                        /** @description Service-level threshold: a contact answered within this many seconds of queue entry counts as within service level (default 20). */
                        serviceLevelSeconds?: number;
                        /** @description Thresholds to set; those left out keep their value. */
                        thresholds?: {
                            /** @description Warn when today's service level falls below this percentage (amber within 5 points above it). */
                            serviceLevelBelowPercent?: number | null;
                            /** @description Warn when the longest wait now exceeds this many seconds (amber from 80 % of it). */
                            longestWaitAboveSeconds?: number | null;
                            /** @description Warn when more contacts than this wait now (amber from 80 % of it). */
                            waitingAbove?: number | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /**
                             * @description longest_available and most_skilled for every channel; least_skilled, linear, circular, most_handled and shortest_aht for voice.
                             * @enum {unknown}
                             */
                            criterion: "longest_available" | "most_skilled" | "least_skilled" | "linear" | "circular" | "most_handled" | "shortest_aht";
                            skills: {
                                /** Format: uuid */
                                skillId: string;
                                minCompetence: number;
                            }[];
                            /** @description Agent order for linear and circular. */
                            agentOrder: string[];
                            /** @description Service-level threshold: a contact answered within this many seconds of queue entry counts as within service level (default 20). */
                            serviceLevelSeconds: number;
                            /** @description The queue view's alert thresholds; null turns one off. */
                            thresholds: {
                                /** @description Warn when today's service level falls below this percentage (amber within 5 points above it). */
                                serviceLevelBelowPercent: number | null;
                                /** @description Warn when the longest wait now exceeds this many seconds (amber from 80 % of it). */
                                longestWaitAboveSeconds: number | null;
                                /** @description Warn when more contacts than this wait now (amber from 80 % of it). */
                                waitingAbove: number | null;
                            };
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/csqs/{id}/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show resources: the agents who qualify for a CSQ, ranked by its criterion, with live states */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            agentId: string;
                            /** @description The agent's display name. */
                            name: string;
                            username: string;
                            alias: string | null;
                            /** Format: uuid */
                            teamId: string | null;
                            /** @description The agent's competence in each skill the CSQ requires, in the CSQ's order. */
                            competences: {
                                /** Format: uuid */
                                skillId: string;
                                minCompetence: number;
                                competence: number;
                            }[];
                            /** @description Sum of those competences (the Most Skilled key). */
                            skillSum: number;
                            voice: {
                                /** @enum {unknown} */
                                state: "logged_out" | "not_ready" | "ready" | "reserved" | "active" | "work";
                                reasonCode: number | null;
                                /** Format: date-time */
                                since: string;
                            };
                            digital: {
                                /** @enum {unknown} */
                                state: "logged_out" | "not_ready" | "ready" | "reserved" | "active" | "work";
                                reasonCode: number | null;
                                /** Format: date-time */
                                since: string;
                            };
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Queue view: per CSQ, contacts waiting, longest wait, agents by state, today's service level
         * @description Service level threshold per CSQ (serviceLevelSeconds, default 20).
         */
        get: {
            parameters: {
                query?: {
                    /** @description How abandons enter the service level (METRICS.md): counted_against (default): within ÷ (offered − dequeued); ignored: within ÷ (offered − abandoned − dequeued); counted_for: (within + abandoned within the threshold) ÷ (offered − dequeued). */
                    abandons?: "counted_against" | "ignored" | "counted_for";
                    /** @description Abandons after a shorter wait count as neither offered nor abandoned (default 0: none). */
                    shortAbandonSeconds?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            csqId: string;
                            name: string;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** @description The CSQ's alert thresholds (see the CSQ); null: none. */
                            thresholds: {
                                serviceLevelBelowPercent: number | null;
                                longestWaitAboveSeconds: number | null;
                                waitingAbove: number | null;
                            };
                            /** @description Contacts queued now (not those ringing an agent). */
                            waiting: number;
                            /** @description How long the oldest contact queued now has waited since it entered the CSQ; 0 if none. */
                            longestWaitSeconds: number;
                            /** @description Agents who qualify for the CSQ, by their state on its domain (voice for voice, digital for chat and email). busy = Active, wrapUp = Work. */
                            agents: {
                                ready: number;
                                notReady: number;
                                reserved: number;
                                busy: number;
                                wrapUp: number;
                                loggedOut: number;
                            };
                            /** @description Today's contacts of the CSQ, counted in the interval they entered it. */
                            today: {
                                /**
                                 * Format: date-time
                                 * @description Start of today: midnight UTC (tenants have no time zone setting yet).
                                 */
                                since: string;
                                /** @description Contacts that entered the CSQ today. */
                                offered: number;
                                answered: number;
                                /** @description Answered and finished (or transferred or requeued on). */
                                handled: number;
                                /** @description Customer left before an agent answered. */
                                abandoned: number;
                                /** @description Withdrawn without an agent. */
                                dequeued: number;
                                answeredWithinThreshold: number;
                                /** @description Fraction 0–1 by the `abandons` rule; null when nothing is measured yet. Contacts still waiting count once they pass the threshold. */
                                serviceLevel: number | null;
                                /** @description The CSQ's service-level threshold. */
                                serviceLevelSeconds: number;
                                /** @enum {unknown} */
                                abandons: "counted_against" | "ignored" | "counted_for";
                                shortAbandonSeconds: number;
                            };
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/queues/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Queue view of one CSQ (the id is the CSQ id) */
        get: {
            parameters: {
                query?: {
                    /** @description How abandons enter the service level (METRICS.md): counted_against (default): within ÷ (offered − dequeued); ignored: within ÷ (offered − abandoned − dequeued); counted_for: (within + abandoned within the threshold) ÷ (offered − dequeued). */
                    abandons?: "counted_against" | "ignored" | "counted_for";
                    /** @description Abandons after a shorter wait count as neither offered nor abandoned (default 0: none). */
                    shortAbandonSeconds?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            csqId: string;
                            name: string;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** @description The CSQ's alert thresholds (see the CSQ); null: none. */
                            thresholds: {
                                serviceLevelBelowPercent: number | null;
                                longestWaitAboveSeconds: number | null;
                                waitingAbove: number | null;
                            };
                            /** @description Contacts queued now (not those ringing an agent). */
                            waiting: number;
                            /** @description How long the oldest contact queued now has waited since it entered the CSQ; 0 if none. */
                            longestWaitSeconds: number;
                            /** @description Agents who qualify for the CSQ, by their state on its domain (voice for voice, digital for chat and email). busy = Active, wrapUp = Work. */
                            agents: {
                                ready: number;
                                notReady: number;
                                reserved: number;
                                busy: number;
                                wrapUp: number;
                                loggedOut: number;
                            };
                            /** @description Today's contacts of the CSQ, counted in the interval they entered it. */
                            today: {
                                /**
                                 * Format: date-time
                                 * @description Start of today: midnight UTC (tenants have no time zone setting yet).
                                 */
                                since: string;
                                /** @description Contacts that entered the CSQ today. */
                                offered: number;
                                answered: number;
                                /** @description Answered and finished (or transferred or requeued on). */
                                handled: number;
                                /** @description Customer left before an agent answered. */
                                abandoned: number;
                                /** @description Withdrawn without an agent. */
                                dequeued: number;
                                answeredWithinThreshold: number;
                                /** @description Fraction 0–1 by the `abandons` rule; null when nothing is measured yet. Contacts still waiting count once they pass the threshold. */
                                serviceLevel: number | null;
                                /** @description The CSQ's service-level threshold. */
                                serviceLevelSeconds: number;
                                /** @enum {unknown} */
                                abandons: "counted_against" | "ignored" | "counted_for";
                                shortAbandonSeconds: number;
                            };
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List calendars */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            timeZone: string;
                            /**
                             * @description 24x7: always open (hours, holidays and custom days are kept but not applied).
                             * @enum {unknown}
                             */
                            mode: "24x7" | "custom";
                            weekly: {
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                monday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                tuesday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                wednesday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                thursday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                friday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                saturday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                sunday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                            };
                            holidays: {
                                /** @description YYYY-MM-DD */
                                date: string;
                                name?: string;
                            }[];
                            customDays: {
                                /** @description YYYY-MM-DD */
                                date: string;
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                intervals: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Create a calendar: time zone, 24x7 or weekly hours, holidays, custom business days */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description An IANA time zone, e.g. 'Europe/Berlin'. */
                        timeZone: string;
                        /**
                         * @description 24x7: always open (hours, holidays and custom days are kept but not applied).
                         * @enum {unknown}
                         */
                        mode: "24x7" | "custom";
                        /** @description Hours per weekday; a missing day is closed. Required for mode custom. */
                        weekly?: {
                            /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                            monday?: {
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                start: string;
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                end: string;
                            }[];
                            /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                            tuesday?: {
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                start: string;
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                end: string;
                            }[];
                            /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                            wednesday?: {
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                start: string;
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                end: string;
                            }[];
                            /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                            thursday?: {
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                start: string;
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                end: string;
                            }[];
                            /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                            friday?: {
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                start: string;
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                end: string;
                            }[];
                            /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                            saturday?: {
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                start: string;
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                end: string;
                            }[];
                            /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                            sunday?: {
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                start: string;
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                end: string;
                            }[];
                        };
                        holidays?: {
                            /** @description YYYY-MM-DD */
                            date: string;
                            name?: string;
                        }[];
                        customDays?: {
                            /** @description YYYY-MM-DD */
                            date: string;
                            /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                            intervals: {
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                start: string;
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                end: string;
                            }[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            timeZone: string;
                            /**
                             * @description 24x7: always open (hours, holidays and custom days are kept but not applied).
                             * @enum {unknown}
                             */
                            mode: "24x7" | "custom";
                            weekly: {
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                monday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                tuesday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                wednesday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                thursday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                friday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                saturday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                sunday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                            };
                            holidays: {
                                /** @description YYYY-MM-DD */
                                date: string;
                                name?: string;
                            }[];
                            customDays: {
                                /** @description YYYY-MM-DD */
                                date: string;
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                intervals: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a calendar */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            timeZone: string;
                            /**
                             * @description 24x7: always open (hours, holidays and custom days are kept but not applied).
                             * @enum {unknown}
                             */
                            mode: "24x7" | "custom";
                            weekly: {
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                monday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                tuesday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                wednesday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                thursday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                friday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                saturday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                sunday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                            };
                            holidays: {
                                /** @description YYYY-MM-DD */
                                date: string;
                                name?: string;
                            }[];
                            customDays: {
                                /** @description YYYY-MM-DD */
                                date: string;
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                intervals: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Replace a calendar (name and all its hours, holidays and custom days) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description An IANA time zone, e.g. 'Europe/Berlin'. */
                        timeZone: string;
                        /**
                         * @description 24x7: always open (hours, holidays and custom days are kept but not applied).
                         * @enum {unknown}
                         */
                        mode: "24x7" | "custom";
                        /** @description Hours per weekday; a missing day is closed. Required for mode custom. */
                        weekly?: {
                            /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                            monday?: {
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                start: string;
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                end: string;
                            }[];
                            /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                            tuesday?: {
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                start: string;
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                end: string;
                            }[];
                            /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                            wednesday?: {
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                start: string;
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                end: string;
                            }[];
                            /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                            thursday?: {
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                start: string;
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                end: string;
                            }[];
                            /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                            friday?: {
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                start: string;
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                end: string;
                            }[];
                            /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                            saturday?: {
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                start: string;
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                end: string;
                            }[];
                            /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                            sunday?: {
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                start: string;
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                end: string;
                            }[];
                        };
                        holidays?: {
                            /** @description YYYY-MM-DD */
                            date: string;
                            name?: string;
                        }[];
                        customDays?: {
                            /** @description YYYY-MM-DD */
                            date: string;
                            /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                            intervals: {
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                start: string;
                                /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                end: string;
                            }[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            timeZone: string;
                            /**
                             * @description 24x7: always open (hours, holidays and custom days are kept but not applied).
                             * @enum {unknown}
                             */
                            mode: "24x7" | "custom";
                            weekly: {
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                monday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                tuesday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                wednesday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                thursday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                friday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                saturday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                sunday: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                            };
                            holidays: {
                                /** @description YYYY-MM-DD */
                                date: string;
                                name?: string;
                            }[];
                            customDays: {
                                /** @description YYYY-MM-DD */
                                date: string;
                                /** @description Each open from start up to (not including) end; in any order, not overlapping. */
                                intervals: {
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    start: string;
                                    /** @description Local wall time 'HH:MM'; an interval may end at '24:00'. */
                                    end: string;
                                }[];
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a calendar */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/{id}/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the calendar is open at an instant (default now), and until when */
        get: {
            parameters: {
                query?: {
                    /** @description An instant with offset, e.g. 2026-12-24T16:30:00Z. */
                    at?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            open: boolean;
                            /** @enum {unknown} */
                            reason: "hours" | "holiday" | "closed" | "24x7";
                            holidayName?: string;
                            /**
                             * Format: date-time
                             * @description When open flips next; null when it does not within about a year.
                             */
                            nextChange: string | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channel-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Channel parameters: timeouts, capacity per agent, blending */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            noAnswerTimeoutSeconds: {
                                voice: number;
                                chat: number;
                                email: number;
                            };
                            joinTimeoutMinutes: number;
                            inactivityTimeoutMinutes: number;
                            stickyEmailTimeoutHours: number;
                            wrapUpTimeoutSeconds: number | null;
                            maxChatsPerAgent: number;
                            maxEmailsPerAgent: number;
                            offerChatWhileOnVoice: boolean;
                            offerVoiceWhileOnChat: boolean;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change channel parameters (within the bounds shown) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        noAnswerTimeoutSeconds?: {
                            voice?: number;
                            chat?: number;
                            email?: number;
                        };
                        joinTimeoutMinutes?: number;
                        inactivityTimeoutMinutes?: number;
                        stickyEmailTimeoutHours?: number;
                        wrapUpTimeoutSeconds?: number | null;
                        maxChatsPerAgent?: number;
                        maxEmailsPerAgent?: number;
                        offerChatWhileOnVoice?: boolean;
                        offerVoiceWhileOnChat?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            noAnswerTimeoutSeconds: {
                                voice: number;
                                chat: number;
                                email: number;
                            };
                            joinTimeoutMinutes: number;
                            inactivityTimeoutMinutes: number;
                            stickyEmailTimeoutHours: number;
                            wrapUpTimeoutSeconds: number | null;
                            maxChatsPerAgent: number;
                            maxEmailsPerAgent: number;
                            offerChatWhileOnVoice: boolean;
                            offerVoiceWhileOnChat: boolean;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/chat-widgets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List chat widgets */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string;
                            problemStatements: {
                                /** Format: uuid */
                                id: string;
                                label: string;
                                /** Format: uuid */
                                csqId: string;
                            }[];
                            /** @description Font, title, button and message colours. */
                            branding: {
                                /** @description A CSS font stack: names, quotes, commas and spaces, e.g. "Open Sans", Arial, sans-serif. */
                                fontFamily: string;
                                titleText: string;
                                /** @description #rrggbb */
                                titleColor: string;
                                /** @description #rrggbb */
                                titleTextColor: string;
                                buttonText: string;
                                /** @description #rrggbb */
                                buttonColor: string;
                                /** @description #rrggbb */
                                buttonTextColor: string;
                                /** @description #rrggbb */
                                agentMessageColor: string;
                                /** @description #rrggbb */
                                agentMessageTextColor: string;
                                /** @description #rrggbb */
                                customerMessageColor: string;
                                /** @description #rrggbb */
                                customerMessageTextColor: string;
                            };
                            /** @description The form before a chat: name, email, phone and custom fields. */
                            fields: {
                                /**
                                 * @description off: not asked; optional: asked; required: the customer must fill it in.
                                 * @enum {unknown}
                                 */
                                name: "off" | "optional" | "required";
                                /**
                                 * @description off: not asked; optional: asked; required: the customer must fill it in.
                                 * @enum {unknown}
                                 */
                                email: "off" | "optional" | "required";
                                /**
                                 * @description off: not asked; optional: asked; required: the customer must fill it in.
                                 * @enum {unknown}
                                 */
                                phone: "off" | "optional" | "required";
                                /** @description Asked after name, email and phone; labels unique ignoring case. */
                                custom: {
                                    label: string;
                                    required: boolean;
                                }[];
                            };
                            /** @description What customers read while they chat. */
                            messages: {
                                wait: string;
                                joinTimeout: string;
                                placeholder: string;
                                agentJoined: {
                                    before: string;
                                    after: string;
                                };
                                agentLeft: {
                                    before: string;
                                    after: string;
                                };
                                closeConfirmation: string;
                                transcriptConfirmation: string;
                                chatEnded: string;
                                systemError: string;
                                connectivityError: string;
                            };
                            /** @description The widget's field labels and buttons. */
                            labels: {
                                name: string;
                                email: string;
                                phone: string;
                                problem: string;
                                startChat: string;
                                send: string;
                                endChat: string;
                                transcript: string;
                                confirm: string;
                                cancel: string;
                                minimize: string;
                                newChat: string;
                                typing: string;
                                required: string;
                                hours: string;
                                closedAllDay: string;
                            };
                            /** @description The rating asked for after a chat. */
                            rating: {
                                enabled: boolean;
                                label: string;
                                buttonText: string;
                                thanksText: string;
                            };
                            /** @description When customers may start a chat, and what they read when they may not. */
                            serviceHours: {
                                /**
                                 * Format: uuid
                                 * @description The calendar whose hours the widget keeps; null: open 24×7.
                                 */
                                calendarId: string | null;
                                holidayMessage: string;
                                offHoursMessage: string;
                                dayLabels: {
                                    monday: string;
                                    tuesday: string;
                                    wednesday: string;
                                    thursday: string;
                                    friday: string;
                                    saturday: string;
                                    sunday: string;
                                };
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Create a chat widget: branding, form, problem statements, messages, service hours, rating */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description?: string;
                        problemStatements: {
                            /** Format: uuid */
                            id?: string;
                            label: string;
                            /** Format: uuid */
                            csqId: string;
                        }[];
                        /** @description Font, title, button and message colours. */
                        branding?: {
                            /** @description A CSS font stack: names, quotes, commas and spaces, e.g. "Open Sans", Arial, sans-serif. */
                            fontFamily?: string;
                            titleText?: string;
                            /** @description #rrggbb */
                            titleColor?: string;
                            /** @description #rrggbb */
                            titleTextColor?: string;
                            buttonText?: string;
                            /** @description #rrggbb */
                            buttonColor?: string;
                            /** @description #rrggbb */
                            buttonTextColor?: string;
                            /** @description #rrggbb */
                            agentMessageColor?: string;
                            /** @description #rrggbb */
                            agentMessageTextColor?: string;
                            /** @description #rrggbb */
                            customerMessageColor?: string;
                            /** @description #rrggbb */
                            customerMessageTextColor?: string;
                        };
                        /** @description The form before a chat: name, email, phone and custom fields. */
                        fields?: {
                            /**
                             * @description off: not asked; optional: asked; required: the customer must fill it in.
                             * @enum {unknown}
                             */
                            name?: "off" | "optional" | "required";
                            /**
                             * @description off: not asked; optional: asked; required: the customer must fill it in.
                             * @enum {unknown}
                             */
                            email?: "off" | "optional" | "required";
                            /**
                             * @description off: not asked; optional: asked; required: the customer must fill it in.
                             * @enum {unknown}
                             */
                            phone?: "off" | "optional" | "required";
                            /** @description Asked after name, email and phone; labels unique ignoring case. */
                            custom?: {
                                label: string;
                                required: boolean;
                            }[];
                        };
                        /** @description What customers read while they chat. */
                        messages?: {
                            wait?: string;
                            joinTimeout?: string;
                            placeholder?: string;
                            agentJoined?: {
                                before?: string;
                                after?: string;
                            };
                            agentLeft?: {
                                before?: string;
                                after?: string;
                            };
                            closeConfirmation?: string;
                            transcriptConfirmation?: string;
                            chatEnded?: string;
                            systemError?: string;
                            connectivityError?: string;
                        };
                        /** @description The widget's field labels and buttons. */
                        labels?: {
                            name?: string;
                            email?: string;
                            phone?: string;
                            problem?: string;
                            startChat?: string;
                            send?: string;
                            endChat?: string;
                            transcript?: string;
                            confirm?: string;
                            cancel?: string;
                            minimize?: string;
                            newChat?: string;
                            typing?: string;
                            required?: string;
                            hours?: string;
                            closedAllDay?: string;
                        };
                        /** @description When customers may start a chat, and what they read when they may not. */
                        serviceHours?: {
                            /**
                             * Format: uuid
                             * @description The calendar whose hours the widget keeps; null: open 24×7.
                             */
                            calendarId?: string | null;
                            holidayMessage?: string;
                            offHoursMessage?: string;
                            dayLabels?: {
                                monday?: string;
                                tuesday?: string;
                                wednesday?: string;
                                thursday?: string;
                                friday?: string;
                                saturday?: string;
                                sunday?: string;
                            };
                        };
                        /** @description The rating asked for after a chat. */
                        rating?: {
                            enabled?: boolean;
                            label?: string;
                            buttonText?: string;
                            thanksText?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string;
                            problemStatements: {
                                /** Format: uuid */
                                id: string;
                                label: string;
                                /** Format: uuid */
                                csqId: string;
                            }[];
                            /** @description Font, title, button and message colours. */
                            branding: {
                                /** @description A CSS font stack: names, quotes, commas and spaces, e.g. "Open Sans", Arial, sans-serif. */
                                fontFamily: string;
                                titleText: string;
                                /** @description #rrggbb */
                                titleColor: string;
                                /** @description #rrggbb */
                                titleTextColor: string;
                                buttonText: string;
                                /** @description #rrggbb */
                                buttonColor: string;
                                /** @description #rrggbb */
                                buttonTextColor: string;
                                /** @description #rrggbb */
                                agentMessageColor: string;
                                /** @description #rrggbb */
                                agentMessageTextColor: string;
                                /** @description #rrggbb */
                                customerMessageColor: string;
                                /** @description #rrggbb */
                                customerMessageTextColor: string;
                            };
                            /** @description The form before a chat: name, email, phone and custom fields. */
                            fields: {
                                /**
                                 * @description off: not asked; optional: asked; required: the customer must fill it in.
                                 * @enum {unknown}
                                 */
                                name: "off" | "optional" | "required";
                                /**
                                 * @description off: not asked; optional: asked; required: the customer must fill it in.
                                 * @enum {unknown}
                                 */
                                email: "off" | "optional" | "required";
                                /**
                                 * @description off: not asked; optional: asked; required: the customer must fill it in.
                                 * @enum {unknown}
                                 */
                                phone: "off" | "optional" | "required";
                                /** @description Asked after name, email and phone; labels unique ignoring case. */
                                custom: {
                                    label: string;
                                    required: boolean;
                                }[];
                            };
                            /** @description What customers read while they chat. */
                            messages: {
                                wait: string;
                                joinTimeout: string;
                                placeholder: string;
                                agentJoined: {
                                    before: string;
                                    after: string;
                                };
                                agentLeft: {
                                    before: string;
                                    after: string;
                                };
                                closeConfirmation: string;
                                transcriptConfirmation: string;
                                chatEnded: string;
                                systemError: string;
                                connectivityError: string;
                            };
                            /** @description The widget's field labels and buttons. */
                            labels: {
                                name: string;
                                email: string;
                                phone: string;
                                problem: string;
                                startChat: string;
                                send: string;
                                endChat: string;
                                transcript: string;
                                confirm: string;
                                cancel: string;
                                minimize: string;
                                newChat: string;
                                typing: string;
                                required: string;
                                hours: string;
                                closedAllDay: string;
                            };
                            /** @description The rating asked for after a chat. */
                            rating: {
                                enabled: boolean;
                                label: string;
                                buttonText: string;
                                thanksText: string;
                            };
                            /** @description When customers may start a chat, and what they read when they may not. */
                            serviceHours: {
                                /**
                                 * Format: uuid
                                 * @description The calendar whose hours the widget keeps; null: open 24×7.
                                 */
                                calendarId: string | null;
                                holidayMessage: string;
                                offHoursMessage: string;
                                dayLabels: {
                                    monday: string;
                                    tuesday: string;
                                    wednesday: string;
                                    thursday: string;
                                    friday: string;
                                    saturday: string;
                                    sunday: string;
                                };
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat-widgets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a chat widget */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string;
                            problemStatements: {
                                /** Format: uuid */
                                id: string;
                                label: string;
                                /** Format: uuid */
                                csqId: string;
                            }[];
                            /** @description Font, title, button and message colours. */
                            branding: {
                                /** @description A CSS font stack: names, quotes, commas and spaces, e.g. "Open Sans", Arial, sans-serif. */
                                fontFamily: string;
                                titleText: string;
                                /** @description #rrggbb */
                                titleColor: string;
                                /** @description #rrggbb */
                                titleTextColor: string;
                                buttonText: string;
                                /** @description #rrggbb */
                                buttonColor: string;
                                /** @description #rrggbb */
                                buttonTextColor: string;
                                /** @description #rrggbb */
                                agentMessageColor: string;
                                /** @description #rrggbb */
                                agentMessageTextColor: string;
                                /** @description #rrggbb */
                                customerMessageColor: string;
                                /** @description #rrggbb */
                                customerMessageTextColor: string;
                            };
                            /** @description The form before a chat: name, email, phone and custom fields. */
                            fields: {
                                /**
                                 * @description off: not asked; optional: asked; required: the customer must fill it in.
                                 * @enum {unknown}
                                 */
                                name: "off" | "optional" | "required";
                                /**
                                 * @description off: not asked; optional: asked; required: the customer must fill it in.
                                 * @enum {unknown}
                                 */
                                email: "off" | "optional" | "required";
                                /**
                                 * @description off: not asked; optional: asked; required: the customer must fill it in.
                                 * @enum {unknown}
                                 */
                                phone: "off" | "optional" | "required";
                                /** @description Asked after name, email and phone; labels unique ignoring case. */
                                custom: {
                                    label: string;
                                    required: boolean;
                                }[];
                            };
                            /** @description What customers read while they chat. */
                            messages: {
                                wait: string;
                                joinTimeout: string;
                                placeholder: string;
                                agentJoined: {
                                    before: string;
                                    after: string;
                                };
                                agentLeft: {
                                    before: string;
                                    after: string;
                                };
                                closeConfirmation: string;
                                transcriptConfirmation: string;
                                chatEnded: string;
                                systemError: string;
                                connectivityError: string;
                            };
                            /** @description The widget's field labels and buttons. */
                            labels: {
                                name: string;
                                email: string;
                                phone: string;
                                problem: string;
                                startChat: string;
                                send: string;
                                endChat: string;
                                transcript: string;
                                confirm: string;
                                cancel: string;
                                minimize: string;
                                newChat: string;
                                typing: string;
                                required: string;
                                hours: string;
                                closedAllDay: string;
                            };
                            /** @description The rating asked for after a chat. */
                            rating: {
                                enabled: boolean;
                                label: string;
                                buttonText: string;
                                thanksText: string;
                            };
                            /** @description When customers may start a chat, and what they read when they may not. */
                            serviceHours: {
                                /**
                                 * Format: uuid
                                 * @description The calendar whose hours the widget keeps; null: open 24×7.
                                 */
                                calendarId: string | null;
                                holidayMessage: string;
                                offHoursMessage: string;
                                dayLabels: {
                                    monday: string;
                                    tuesday: string;
                                    wednesday: string;
                                    thursday: string;
                                    friday: string;
                                    saturday: string;
                                    sunday: string;
                                };
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Replace a chat widget (settings left out go back to their defaults) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description?: string;
                        problemStatements: {
                            /** Format: uuid */
                            id?: string;
                            label: string;
                            /** Format: uuid */
                            csqId: string;
                        }[];
                        /** @description Font, title, button and message colours. */
                        branding?: {
                            /** @description A CSS font stack: names, quotes, commas and spaces, e.g. "Open Sans", Arial, sans-serif. */
                            fontFamily?: string;
                            titleText?: string;
                            /** @description #rrggbb */
                            titleColor?: string;
                            /** @description #rrggbb */
                            titleTextColor?: string;
                            buttonText?: string;
                            /** @description #rrggbb */
                            buttonColor?: string;
                            /** @description #rrggbb */
                            buttonTextColor?: string;
                            /** @description #rrggbb */
                            agentMessageColor?: string;
                            /** @description #rrggbb */
                            agentMessageTextColor?: string;
                            /** @description #rrggbb */
                            customerMessageColor?: string;
                            /** @description #rrggbb */
                            customerMessageTextColor?: string;
                        };
                        /** @description The form before a chat: name, email, phone and custom fields. */
                        fields?: {
                            /**
                             * @description off: not asked; optional: asked; required: the customer must fill it in.
                             * @enum {unknown}
                             */
                            name?: "off" | "optional" | "required";
                            /**
                             * @description off: not asked; optional: asked; required: the customer must fill it in.
                             * @enum {unknown}
                             */
                            email?: "off" | "optional" | "required";
                            /**
                             * @description off: not asked; optional: asked; required: the customer must fill it in.
                             * @enum {unknown}
                             */
                            phone?: "off" | "optional" | "required";
                            /** @description Asked after name, email and phone; labels unique ignoring case. */
                            custom?: {
                                label: string;
                                required: boolean;
                            }[];
                        };
                        /** @description What customers read while they chat. */
                        messages?: {
                            wait?: string;
                            joinTimeout?: string;
                            placeholder?: string;
                            agentJoined?: {
                                before?: string;
                                after?: string;
                            };
                            agentLeft?: {
                                before?: string;
                                after?: string;
                            };
                            closeConfirmation?: string;
                            transcriptConfirmation?: string;
                            chatEnded?: string;
                            systemError?: string;
                            connectivityError?: string;
                        };
                        /** @description The widget's field labels and buttons. */
                        labels?: {
                            name?: string;
                            email?: string;
                            phone?: string;
                            problem?: string;
                            startChat?: string;
                            send?: string;
                            endChat?: string;
                            transcript?: string;
                            confirm?: string;
                            cancel?: string;
                            minimize?: string;
                            newChat?: string;
                            typing?: string;
                            required?: string;
                            hours?: string;
                            closedAllDay?: string;
                        };
                        /** @description When customers may start a chat, and what they read when they may not. */
                        serviceHours?: {
                            /**
                             * Format: uuid
                             * @description The calendar whose hours the widget keeps; null: open 24×7.
                             */
                            calendarId?: string | null;
                            holidayMessage?: string;
                            offHoursMessage?: string;
                            dayLabels?: {
                                monday?: string;
                                tuesday?: string;
                                wednesday?: string;
                                thursday?: string;
                                friday?: string;
                                saturday?: string;
                                sunday?: string;
                            };
                        };
                        /** @description The rating asked for after a chat. */
                        rating?: {
                            enabled?: boolean;
                            label?: string;
                            buttonText?: string;
                            thanksText?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string;
                            problemStatements: {
                                /** Format: uuid */
                                id: string;
                                label: string;
                                /** Format: uuid */
                                csqId: string;
                            }[];
                            /** @description Font, title, button and message colours. */
                            branding: {
                                /** @description A CSS font stack: names, quotes, commas and spaces, e.g. "Open Sans", Arial, sans-serif. */
                                fontFamily: string;
                                titleText: string;
                                /** @description #rrggbb */
                                titleColor: string;
                                /** @description #rrggbb */
                                titleTextColor: string;
                                buttonText: string;
                                /** @description #rrggbb */
                                buttonColor: string;
                                /** @description #rrggbb */
                                buttonTextColor: string;
                                /** @description #rrggbb */
                                agentMessageColor: string;
                                /** @description #rrggbb */
                                agentMessageTextColor: string;
                                /** @description #rrggbb */
                                customerMessageColor: string;
                                /** @description #rrggbb */
                                customerMessageTextColor: string;
                            };
                            /** @description The form before a chat: name, email, phone and custom fields. */
                            fields: {
                                /**
                                 * @description off: not asked; optional: asked; required: the customer must fill it in.
                                 * @enum {unknown}
                                 */
                                name: "off" | "optional" | "required";
                                /**
                                 * @description off: not asked; optional: asked; required: the customer must fill it in.
                                 * @enum {unknown}
                                 */
                                email: "off" | "optional" | "required";
                                /**
                                 * @description off: not asked; optional: asked; required: the customer must fill it in.
                                 * @enum {unknown}
                                 */
                                phone: "off" | "optional" | "required";
                                /** @description Asked after name, email and phone; labels unique ignoring case. */
                                custom: {
                                    label: string;
                                    required: boolean;
                                }[];
                            };
                            /** @description What customers read while they chat. */
                            messages: {
                                wait: string;
                                joinTimeout: string;
                                placeholder: string;
                                agentJoined: {
                                    before: string;
                                    after: string;
                                };
                                agentLeft: {
                                    before: string;
                                    after: string;
                                };
                                closeConfirmation: string;
                                transcriptConfirmation: string;
                                chatEnded: string;
                                systemError: string;
                                connectivityError: string;
                            };
                            /** @description The widget's field labels and buttons. */
                            labels: {
                                name: string;
                                email: string;
                                phone: string;
                                problem: string;
                                startChat: string;
                                send: string;
                                endChat: string;
                                transcript: string;
                                confirm: string;
                                cancel: string;
                                minimize: string;
                                newChat: string;
                                typing: string;
                                required: string;
                                hours: string;
                                closedAllDay: string;
                            };
                            /** @description The rating asked for after a chat. */
                            rating: {
                                enabled: boolean;
                                label: string;
                                buttonText: string;
                                thanksText: string;
                            };
                            /** @description When customers may start a chat, and what they read when they may not. */
                            serviceHours: {
                                /**
                                 * Format: uuid
                                 * @description The calendar whose hours the widget keeps; null: open 24×7.
                                 */
                                calendarId: string | null;
                                holidayMessage: string;
                                offHoursMessage: string;
                                dayLabels: {
                                    monday: string;
                                    tuesday: string;
                                    wednesday: string;
                                    thursday: string;
                                    friday: string;
                                    saturday: string;
                                    sunday: string;
                                };
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a chat widget (websites that embed it show nothing any more) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/widgets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the embedded widget renders, with whether it is open now (no sign-in; any origin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            problemStatements: {
                                /** Format: uuid */
                                id: string;
                                label: string;
                            }[];
                            /** @description Font, title, button and message colours. */
                            branding: {
                                /** @description A CSS font stack: names, quotes, commas and spaces, e.g. "Open Sans", Arial, sans-serif. */
                                fontFamily: string;
                                titleText: string;
                                /** @description #rrggbb */
                                titleColor: string;
                                /** @description #rrggbb */
                                titleTextColor: string;
                                buttonText: string;
                                /** @description #rrggbb */
                                buttonColor: string;
                                /** @description #rrggbb */
                                buttonTextColor: string;
                                /** @description #rrggbb */
                                agentMessageColor: string;
                                /** @description #rrggbb */
                                agentMessageTextColor: string;
                                /** @description #rrggbb */
                                customerMessageColor: string;
                                /** @description #rrggbb */
                                customerMessageTextColor: string;
                            };
                            /** @description The form before a chat: name, email, phone and custom fields. */
                            fields: {
                                /**
                                 * @description off: not asked; optional: asked; required: the customer must fill it in.
                                 * @enum {unknown}
                                 */
                                name: "off" | "optional" | "required";
                                /**
                                 * @description off: not asked; optional: asked; required: the customer must fill it in.
                                 * @enum {unknown}
                                 */
                                email: "off" | "optional" | "required";
                                /**
                                 * @description off: not asked; optional: asked; required: the customer must fill it in.
                                 * @enum {unknown}
                                 */
                                phone: "off" | "optional" | "required";
                                /** @description Asked after name, email and phone; labels unique ignoring case. */
                                custom: {
                                    label: string;
                                    required: boolean;
                                }[];
                            };
                            /** @description What customers read while they chat. */
                            messages: {
                                wait: string;
                                joinTimeout: string;
                                placeholder: string;
                                agentJoined: {
                                    before: string;
                                    after: string;
                                };
                                agentLeft: {
                                    before: string;
                                    after: string;
                                };
                                closeConfirmation: string;
                                transcriptConfirmation: string;
                                chatEnded: string;
                                systemError: string;
                                connectivityError: string;
                            };
                            /** @description The widget's field labels and buttons. */
                            labels: {
                                name: string;
                                email: string;
                                phone: string;
                                problem: string;
                                startChat: string;
                                send: string;
                                endChat: string;
                                transcript: string;
                                confirm: string;
                                cancel: string;
                                minimize: string;
                                newChat: string;
                                typing: string;
                                required: string;
                                hours: string;
                                closedAllDay: string;
                            };
                            /** @description The rating asked for after a chat. */
                            rating: {
                                enabled: boolean;
                                label: string;
                                buttonText: string;
                                thanksText: string;
                            };
                            service: {
                                open: boolean;
                                /** @enum {unknown} */
                                reason: "open" | "off_hours" | "holiday";
                                /** @description The holiday or off-hours message; null while open. */
                                message: string | null;
                                /**
                                 * Format: date-time
                                 * @description When open flips next; null for 24×7 or when it does not within about a year.
                                 */
                                nextChange: string | null;
                                /** @description The weekly hours with the widget's day labels; null for 24×7. */
                                schedule: {
                                    timeZone: string;
                                    days: {
                                        /** @enum {unknown} */
                                        day: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";
                                        label: string;
                                        intervals: {
                                            start: string;
                                            end: string;
                                        }[];
                                    }[];
                                } | null;
                            };
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contacts, newest first (agents see their own) */
        get: {
            parameters: {
                query?: {
                    /** @description Only contacts not yet ended (default true). */
                    open?: boolean;
                    csqId?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            externalId: string | null;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** Format: uuid */
                            csqId: string;
                            callType: string;
                            priority: number;
                            attributes: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            queuedAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            outcome: string | null;
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            /** @description Group chat: the agents who joined besides the owner (agentId). */
                            guests: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            /** @description Group chat: the invitation waiting for an answer. */
                            invitation: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: uuid */
                                inviterId: string;
                                /** Format: uuid */
                                csqId: string;
                                /** Format: date-time */
                                deadline: string;
                            } | null;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a contact and queue it in a CSQ
         * @description Returns 201 for a new contact, 200 when the externalId names one that exists already.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        channel: "voice" | "chat" | "email";
                        /** Format: uuid */
                        csqId: string;
                        callType?: string;
                        priority?: number;
                        attributes?: {
                            [key: string]: string;
                        };
                        /** @description Your id for it: creating twice with one id makes one contact. */
                        externalId?: string;
                        /** Format: uuid */
                        stickyAgentId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            externalId: string | null;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** Format: uuid */
                            csqId: string;
                            callType: string;
                            priority: number;
                            attributes: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            queuedAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            outcome: string | null;
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            /** @description Group chat: the agents who joined besides the owner (agentId). */
                            guests: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            /** @description Group chat: the invitation waiting for an answer. */
                            invitation: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: uuid */
                                inviterId: string;
                                /** Format: uuid */
                                csqId: string;
                                /** Format: date-time */
                                deadline: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            externalId: string | null;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** Format: uuid */
                            csqId: string;
                            callType: string;
                            priority: number;
                            attributes: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            queuedAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            outcome: string | null;
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            /** @description Group chat: the agents who joined besides the owner (agentId). */
                            guests: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            /** @description Group chat: the invitation waiting for an answer. */
                            invitation: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: uuid */
                                inviterId: string;
                                /** Format: uuid */
                                csqId: string;
                                /** Format: date-time */
                                deadline: string;
                            } | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a contact */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            externalId: string | null;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** Format: uuid */
                            csqId: string;
                            callType: string;
                            priority: number;
                            attributes: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            queuedAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            outcome: string | null;
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            /** @description Group chat: the agents who joined besides the owner (agentId). */
                            guests: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            /** @description Group chat: the invitation waiting for an answer. */
                            invitation: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: uuid */
                                inviterId: string;
                                /** Format: uuid */
                                csqId: string;
                                /** Format: date-time */
                                deadline: string;
                            } | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact's events: queued, offered, accepted, transferred, wrap-up, ended … */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            /** Format: date-time */
                            at: string;
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: uuid */
                            csqId: string | null;
                            data: unknown;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a contact offered to you */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            externalId: string | null;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** Format: uuid */
                            csqId: string;
                            callType: string;
                            priority: number;
                            attributes: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            queuedAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            outcome: string | null;
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            /** @description Group chat: the agents who joined besides the owner (agentId). */
                            guests: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            /** @description Group chat: the invitation waiting for an answer. */
                            invitation: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: uuid */
                                inviterId: string;
                                /** Format: uuid */
                                csqId: string;
                                /** Format: date-time */
                                deadline: string;
                            } | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline an offer: it returns to its place and you go Not Ready */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            externalId: string | null;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** Format: uuid */
                            csqId: string;
                            callType: string;
                            priority: number;
                            attributes: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            queuedAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            outcome: string | null;
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            /** @description Group chat: the agents who joined besides the owner (agentId). */
                            guests: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            /** @description Group chat: the invitation waiting for an answer. */
                            invitation: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: uuid */
                                inviterId: string;
                                /** Format: uuid */
                                csqId: string;
                                /** Format: date-time */
                                deadline: string;
                            } | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the conversation; you move to wrap-up */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            externalId: string | null;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** Format: uuid */
                            csqId: string;
                            callType: string;
                            priority: number;
                            attributes: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            queuedAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            outcome: string | null;
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            /** @description Group chat: the agents who joined besides the owner (agentId). */
                            guests: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            /** @description Group chat: the invitation waiting for an answer. */
                            invitation: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: uuid */
                                inviterId: string;
                                /** Format: uuid */
                                csqId: string;
                                /** Format: date-time */
                                deadline: string;
                            } | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a call on hold */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            externalId: string | null;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** Format: uuid */
                            csqId: string;
                            callType: string;
                            priority: number;
                            attributes: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            queuedAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            outcome: string | null;
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            /** @description Group chat: the agents who joined besides the owner (agentId). */
                            guests: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            /** @description Group chat: the invitation waiting for an answer. */
                            invitation: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: uuid */
                                inviterId: string;
                                /** Format: uuid */
                                csqId: string;
                                /** Format: date-time */
                                deadline: string;
                            } | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a call off hold */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            externalId: string | null;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** Format: uuid */
                            csqId: string;
                            callType: string;
                            priority: number;
                            attributes: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            queuedAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            outcome: string | null;
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            /** @description Group chat: the agents who joined besides the owner (agentId). */
                            guests: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            /** @description Group chat: the invitation waiting for an answer. */
                            invitation: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: uuid */
                                inviterId: string;
                                /** Format: uuid */
                                csqId: string;
                                /** Format: date-time */
                                deadline: string;
                            } | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/wrap-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish wrap-up with up to 5 wrap-up reasons, optionally choosing Ready or Not Ready next */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reasons: string[];
                        next?: {
                            /** @enum {unknown} */
                            state: "ready" | "not_ready";
                            reasonCode?: number | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            externalId: string | null;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** Format: uuid */
                            csqId: string;
                            callType: string;
                            priority: number;
                            attributes: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            queuedAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            outcome: string | null;
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            /** @description Group chat: the agents who joined besides the owner (agentId). */
                            guests: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            /** @description Group chat: the invitation waiting for an answer. */
                            invitation: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: uuid */
                                inviterId: string;
                                /** Format: uuid */
                                csqId: string;
                                /** Format: date-time */
                                deadline: string;
                            } | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Transfer to a CSQ (queues as a new leg) or directly to an agent, with an optional note
         * @description The note is stored with the contact.transferred event (GET /contacts/{id}/events) for the agent who receives the contact; the customer never sees it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        csqId: string;
                        /** @description For whoever receives the contact (at most 500 characters); never shown to the customer. */
                        note?: string;
                    } | {
                        /** Format: uuid */
                        agentId: string;
                        /** @description For whoever receives the contact (at most 500 characters); never shown to the customer. */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            externalId: string | null;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** Format: uuid */
                            csqId: string;
                            callType: string;
                            priority: number;
                            attributes: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            queuedAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            outcome: string | null;
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            /** @description Group chat: the agents who joined besides the owner (agentId). */
                            guests: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            /** @description Group chat: the invitation waiting for an answer. */
                            invitation: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: uuid */
                                inviterId: string;
                                /** Format: uuid */
                                csqId: string;
                                /** Format: date-time */
                                deadline: string;
                            } | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/requeue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send to a chosen CSQ; it never comes back to you */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        csqId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            externalId: string | null;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** Format: uuid */
                            csqId: string;
                            callType: string;
                            priority: number;
                            attributes: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            queuedAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            outcome: string | null;
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            /** @description Group chat: the agents who joined besides the owner (agentId). */
                            guests: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            /** @description Group chat: the invitation waiting for an answer. */
                            invitation: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: uuid */
                                inviterId: string;
                                /** Format: uuid */
                                csqId: string;
                                /** Format: date-time */
                                deadline: string;
                            } | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The customer left (hung up, closed the chat): abandons it if unanswered */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            externalId: string | null;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** Format: uuid */
                            csqId: string;
                            callType: string;
                            priority: number;
                            attributes: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            queuedAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            outcome: string | null;
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            /** @description Group chat: the agents who joined besides the owner (agentId). */
                            guests: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            /** @description Group chat: the invitation waiting for an answer. */
                            invitation: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: uuid */
                                inviterId: string;
                                /** Format: uuid */
                                csqId: string;
                                /** Format: date-time */
                                deadline: string;
                            } | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The customer is active (typing, sent a message): restarts the inactivity timeout */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            externalId: string | null;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** Format: uuid */
                            csqId: string;
                            callType: string;
                            priority: number;
                            attributes: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            queuedAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            outcome: string | null;
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            /** @description Group chat: the agents who joined besides the owner (agentId). */
                            guests: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            /** @description Group chat: the invitation waiting for an answer. */
                            invitation: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: uuid */
                                inviterId: string;
                                /** Format: uuid */
                                csqId: string;
                                /** Format: date-time */
                                deadline: string;
                            } | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/dequeue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a waiting contact without an agent (e.g. handled elsewhere) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            externalId: string | null;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** Format: uuid */
                            csqId: string;
                            callType: string;
                            priority: number;
                            attributes: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            queuedAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            outcome: string | null;
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            /** @description Group chat: the agents who joined besides the owner (agentId). */
                            guests: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            /** @description Group chat: the invitation waiting for an answer. */
                            invitation: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: uuid */
                                inviterId: string;
                                /** Format: uuid */
                                csqId: string;
                                /** Format: date-time */
                                deadline: string;
                            } | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/call-type": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change the call type (reporting category) during treatment */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        callType: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            externalId: string | null;
                            /** @enum {unknown} */
                            channel: "voice" | "chat" | "email";
                            /** Format: uuid */
                            csqId: string;
                            callType: string;
                            priority: number;
                            attributes: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            queuedAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            outcome: string | null;
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            /** @description Group chat: the agents who joined besides the owner (agentId). */
                            guests: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            /** @description Group chat: the invitation waiting for an answer. */
                            invitation: {
                                /** Format: uuid */
                                agentId: string;
                                /** Format: uuid */
                                inviterId: string;
                                /** Format: uuid */
                                csqId: string;
                                /** Format: date-time */
                                deadline: string;
                            } | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/transfer-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where you can transfer a contact you have: CSQs of its channel and agents, who can take it now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csqs: {
                                /** Format: uuid */
                                csqId: string;
                                name: string;
                                /** @description Agents of the CSQ who could be offered the contact now. */
                                available: number;
                            }[];
                            agents: {
                                /** Format: uuid */
                                agentId: string;
                                name: string;
                                /** @description The agent's state in the contact's domain (voice or digital). */
                                state: string;
                                /** @description A direct transfer would be offered to them now. */
                                available: boolean;
                            }[];
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/recent-contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The contacts you accepted or joined last, newest first, with their notes */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            contactId: string;
                            channel: string;
                            /** Format: uuid */
                            csqId: string;
                            csqName: string | null;
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            agentName: string | null;
                            customerName: string | null;
                            customerEmail: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            /** @description From accepted (or created) to ended; null while open. */
                            durationSeconds: number | null;
                            outcome: string | null;
                            wrapUpReasons: string[];
                            notes: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                contactId: string;
                                /** Format: uuid */
                                authorId: string;
                                authorName: string;
                                /** @description Plain text; never sent to the customer. */
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            /**
                             * @description In a customer's history: how the contact was found to be theirs. By `email` (typed by the customer, not verified) it comes without notes or customer name, and its transcript cannot be opened through the history.
                             * @enum {unknown}
                             */
                            matchedBy?: "customerId" | "email";
                            /** @description In a customer's history: true when matched by the channel's attributes.customerId. */
                            verified?: boolean;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/customer-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The same customer's other contacts, newest first, with their notes
         * @description Matched by the email the customer gave a chat (any case) or by attributes.customerId from the channel. Agents: only while the contact is theirs.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            contactId: string;
                            channel: string;
                            /** Format: uuid */
                            csqId: string;
                            csqName: string | null;
                            /** @enum {unknown} */
                            status: "queued" | "offered" | "active" | "wrap_up" | "ended";
                            /** Format: uuid */
                            agentId: string | null;
                            agentName: string | null;
                            customerName: string | null;
                            customerEmail: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            /** @description From accepted (or created) to ended; null while open. */
                            durationSeconds: number | null;
                            outcome: string | null;
                            wrapUpReasons: string[];
                            notes: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                contactId: string;
                                /** Format: uuid */
                                authorId: string;
                                authorName: string;
                                /** @description Plain text; never sent to the customer. */
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            /**
                             * @description In a customer's history: how the contact was found to be theirs. By `email` (typed by the customer, not verified) it comes without notes or customer name, and its transcript cannot be opened through the history.
                             * @enum {unknown}
                             */
                            matchedBy?: "customerId" | "email";
                            /** @description In a customer's history: true when matched by the channel's attributes.customerId. */
                            verified?: boolean;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact's notes, oldest first (agents: contacts they handle or handled) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            contactId: string;
                            /** Format: uuid */
                            authorId: string;
                            authorName: string;
                            /** @description Plain text; never sent to the customer. */
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Write a note on the contact you are handling, for the next agent and its history
         * @description Plain text, at most 1000 characters and 20 notes per contact. Never sent to the customer.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Plain text (line breaks allowed), at most 1000 characters. */
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            contactId: string;
                            /** Format: uuid */
                            authorId: string;
                            authorName: string;
                            /** @description Plain text; never sent to the customer. */
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/predefined-responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List predefined responses, by title */
        get: {
            parameters: {
                query?: {
                    /** @description chat: plain text; email: HTML, sanitised when saved. */
                    channel?: "chat" | "email";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description chat: plain text; email: HTML, sanitised when saved.
                             * @enum {unknown}
                             */
                            channel: "chat" | "email";
                            title: string;
                            body: string;
                            /** @description Offered in every CSQ of its channel. When false, only in csqIds (none: its CSQs were deleted). */
                            global: boolean;
                            csqIds: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a predefined response
         * @description At most 500 per tenant, chat and email together (409 limit_reached); a title in use is 409 conflict.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description chat: plain text; email: HTML, sanitised when saved.
                         * @enum {unknown}
                         */
                        channel: "chat" | "email";
                        /** @description One line of up to 100 characters, unique in the tenant (without regard to case); none of < > ( ) " |. */
                        title: string;
                        /** @description Up to 1500 characters (code points). Chat: none of < > ( ) " |. Email: HTML; scripts, styles, event handlers and unsafe links are removed. */
                        body: string;
                        /** @description Empty: global (offered in every CSQ of its channel). Otherwise 1–10 CSQs of its channel, each once. */
                        csqIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description chat: plain text; email: HTML, sanitised when saved.
                             * @enum {unknown}
                             */
                            channel: "chat" | "email";
                            title: string;
                            body: string;
                            /** @description Offered in every CSQ of its channel. When false, only in csqIds (none: its CSQs were deleted). */
                            global: boolean;
                            csqIds: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/predefined-responses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a predefined response */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description chat: plain text; email: HTML, sanitised when saved.
                             * @enum {unknown}
                             */
                            channel: "chat" | "email";
                            title: string;
                            body: string;
                            /** @description Offered in every CSQ of its channel. When false, only in csqIds (none: its CSQs were deleted). */
                            global: boolean;
                            csqIds: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a predefined response */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a predefined response
         * @description The result is checked as a whole: a new channel must suit the body and the CSQs.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description chat: plain text; email: HTML, sanitised when saved.
                         * @enum {unknown}
                         */
                        channel?: "chat" | "email";
                        /** @description One line of up to 100 characters, unique in the tenant (without regard to case); none of < > ( ) " |. */
                        title?: string;
                        /** @description Up to 1500 characters (code points). Chat: none of < > ( ) " |. Email: HTML; scripts, styles, event handlers and unsafe links are removed. */
                        body?: string;
                        /** @description Empty: global (offered in every CSQ of its channel). Otherwise 1–10 CSQs of its channel, each once. */
                        csqIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description chat: plain text; email: HTML, sanitised when saved.
                             * @enum {unknown}
                             */
                            channel: "chat" | "email";
                            title: string;
                            body: string;
                            /** @description Offered in every CSQ of its channel. When false, only in csqIds (none: its CSQs were deleted). */
                            global: boolean;
                            csqIds: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/contacts/{id}/predefined-responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The responses for a contact: of its channel, global or tagged to its CSQ (agents: their own contacts) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description chat: plain text; email: HTML, sanitised when saved.
                             * @enum {unknown}
                             */
                            channel: "chat" | "email";
                            title: string;
                            body: string;
                            /** @description Offered in every CSQ of its channel. When false, only in csqIds (none: its CSQs were deleted). */
                            global: boolean;
                            csqIds: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wrap-up-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The wrap-up categories in force, each with its reasons, by name */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description Applies in every CSQ; when false, in csqIds only. */
                            global: boolean;
                            csqIds: string[];
                            /** @description By name. */
                            reasons: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a wrap-up category (for contacts created from now on)
         * @description At most 25 per tenant and 10 tagged to one CSQ (409 limit_reached); names are unique without regard to case (409 conflict).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Up to 40 characters. */
                        name: string;
                        /** @description Empty: global (every CSQ). Otherwise the CSQs it applies to, each once; a CSQ has at most 10 categories tagged to it (global ones do not count). */
                        csqIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description Applies in every CSQ; when false, in csqIds only. */
                            global: boolean;
                            csqIds: string[];
                            /** @description By name. */
                            reasons: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wrap-up-categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a wrap-up category with its reasons */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description Applies in every CSQ; when false, in csqIds only. */
                            global: boolean;
                            csqIds: string[];
                            /** @description By name. */
                            reasons: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a wrap-up category and its reasons (contacts created before keep them) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename or retag a wrap-up category (for contacts created from now on) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Up to 40 characters. */
                        name?: string;
                        /** @description Empty: global (every CSQ). Otherwise the CSQs it applies to, each once; a CSQ has at most 10 categories tagged to it (global ones do not count). */
                        csqIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description Applies in every CSQ; when false, in csqIds only. */
                            global: boolean;
                            csqIds: string[];
                            /** @description By name. */
                            reasons: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/wrap-up-reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a reason to a wrap-up category (for contacts created from now on)
         * @description At most 25 per category (409 limit_reached); names are unique in their category without regard to case (409 conflict).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        categoryId: string;
                        /** @description Up to 40 characters. */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            categoryId: string;
                            name: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wrap-up-reasons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a wrap-up reason (contacts created before keep it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a wrap-up reason (for contacts created from now on) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Up to 40 characters. */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            categoryId: string;
                            name: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/contacts/{id}/wrap-up-reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The wrap-up categories and reasons for a contact, as in force when it was created (agents: their own contacts)
         * @description Global categories and those tagged to the contact's CSQ. When this holds a reason, POST /contacts/{id}/wrap-up accepts only these (up to 5); when it holds none, any text.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description Applies in every CSQ; when false, in csqIds only. */
                            global: boolean;
                            csqIds: string[];
                            /** @description By name. */
                            reasons: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/stats/today": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each agent's figures today: handled, average handle time, time in each state
         * @description Supervisors get the agents of the teams they supervise; administrators and service users every agent.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description Start of today: midnight in the tenant's zone.
                             */
                            since: string;
                            agents: {
                                /** Format: uuid */
                                agentId: string;
                                /** @description Contacts whose wrap-up the agent finished today. */
                                handled: number;
                                /** @description Talk + hold + wrap-up ÷ handled, of the contacts handled today; null when none. */
                                averageHandleSeconds: number | null;
                                /** @description Seconds in each state today on this domain; the current state counts up to now. */
                                voice: {
                                    ready: number;
                                    notReady: number;
                                    reserved: number;
                                    active: number;
                                    work: number;
                                    loggedOut: number;
                                };
                                /** @description Seconds in each state today on this domain; the current state counts up to now. */
                                digital: {
                                    ready: number;
                                    notReady: number;
                                    reserved: number;
                                    active: number;
                                    work: number;
                                    loggedOut: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Real-time state of every agent: per domain, with reason code and time in state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            voice: {
                                /** @enum {unknown} */
                                state: "logged_out" | "not_ready" | "ready" | "reserved" | "active" | "work";
                                reasonCode: number | null;
                                /** Format: date-time */
                                since: string;
                            };
                            digital: {
                                /** @enum {unknown} */
                                state: "logged_out" | "not_ready" | "ready" | "reserved" | "active" | "work";
                                reasonCode: number | null;
                                /** Format: date-time */
                                since: string;
                            };
                            load: {
                                voice: number;
                                chat: number;
                                email: number;
                            };
                            capacity: {
                                chat: number;
                                email: number;
                            };
                            contacts: string[];
                            csqs: string[];
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agent's real-time state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            voice: {
                                /** @enum {unknown} */
                                state: "logged_out" | "not_ready" | "ready" | "reserved" | "active" | "work";
                                reasonCode: number | null;
                                /** Format: date-time */
                                since: string;
                            };
                            digital: {
                                /** @enum {unknown} */
                                state: "logged_out" | "not_ready" | "ready" | "reserved" | "active" | "work";
                                reasonCode: number | null;
                                /** Format: date-time */
                                since: string;
                            };
                            load: {
                                voice: number;
                                chat: number;
                                email: number;
                            };
                            capacity: {
                                chat: number;
                                email: number;
                            };
                            contacts: string[];
                            csqs: string[];
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set an agent's state: Ready, Not Ready (with reason code) or Logged Out
         * @description Agents set their own; supervisors those of their teams; administrators anyone.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description voice, or digital (chat and email share one state)
                         * @enum {unknown}
                         */
                        domain: "voice" | "digital";
                        /** @enum {unknown} */
                        state: "logged_out" | "not_ready" | "ready";
                        reasonCode?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            voice: {
                                /** @enum {unknown} */
                                state: "logged_out" | "not_ready" | "ready" | "reserved" | "active" | "work";
                                reasonCode: number | null;
                                /** Format: date-time */
                                since: string;
                            };
                            digital: {
                                /** @enum {unknown} */
                                state: "logged_out" | "not_ready" | "ready" | "reserved" | "active" | "work";
                                reasonCode: number | null;
                                /** Format: date-time */
                                since: string;
                            };
                            load: {
                                voice: number;
                                chat: number;
                                email: number;
                            };
                            capacity: {
                                chat: number;
                                email: number;
                            };
                            contacts: string[];
                            csqs: string[];
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/team-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Active team messages the caller sees, newest first (agents: their team; supervisors: also the teams they supervise and their own)
         * @description When the newest is deleted or expires, the next in the list is the one to show. limit and offset page the recent list only.
         */
        get: {
            parameters: {
                query?: {
                    /** @description recent: the caller's own messages of the last 24 hours, expired and deleted ones too (an administrator: everyone's); for senders only. */
                    include?: "recent";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            text: string;
                            /** @description The teams it was sent to (a deleted team drops out). */
                            teamIds: string[];
                            /** Format: uuid */
                            supervisorId: string;
                            /** @description Display name of who sent it (a supervisor or administrator). */
                            supervisorName: string;
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description When it stops showing. No event announces an expiry: desktops drop a message once this time has passed.
                             */
                            expiresAt: string;
                            /** Format: date-time */
                            deletedAt: string | null;
                            /**
                             * @description As of the answer.
                             * @enum {unknown}
                             */
                            status: "active" | "expired" | "deleted";
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Send a team message to one, several or all teams the sender supervises
         * @description Counts towards the limit of 100 sends and deletes per hour (429 team_message_rate_limited, with Retry-After) and of 1600 active messages per tenant (409 team_messages_full). Streams team_message.published to the desktops that see it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description One line of 1–255 characters (code points); no control characters. Trimmed. */
                        text: string;
                        /** @description The teams it is for, each once; supervisors: teams they supervise. Or use allTeams. */
                        teamIds?: string[];
                        /** @description true: every team the sender supervises (an administrator: every team of the tenant), as they are now. */
                        allTeams?: boolean;
                        /** @description How long it shows: 5 minutes to 23 h 55 min (1435). */
                        expiresInMinutes: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            text: string;
                            /** @description The teams it was sent to (a deleted team drops out). */
                            teamIds: string[];
                            /** Format: uuid */
                            supervisorId: string;
                            /** @description Display name of who sent it (a supervisor or administrator). */
                            supervisorName: string;
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description When it stops showing. No event announces an expiry: desktops drop a message once this time has passed.
                             */
                            expiresAt: string;
                            /** Format: date-time */
                            deletedAt: string | null;
                            /**
                             * @description As of the answer.
                             * @enum {unknown}
                             */
                            status: "active" | "expired" | "deleted";
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/team-messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a team message now (its sender, or an administrator); counts as a send */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/team-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a supervisor may send team messages */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            userId: string;
                            /** @description Whether this supervisor may send team messages. */
                            enabled: boolean;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Turn team messages on or off for a supervisor (administrators always may send them) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            userId: string;
                            /** @description Whether this supervisor may send team messages. */
                            enabled: boolean;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/assist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask the team's supervisors for help on a contact the caller is handling
         * @description Goes to the team's primary supervisor; if they do not answer within 30 s (an emergency: 10 s), to the secondary as well, and at once when the primary is absent or has no desktop connected. 409 no_supervisor when the team has neither; 409 conflict when a request is open on the contact (an emergency replaces an open help request).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        kind: "help" | "emergency";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            contactId: string;
                            /** @enum {unknown} */
                            kind: "help" | "emergency";
                            /** @enum {unknown} */
                            status: "open" | "answered" | "cancelled" | "ended";
                            agent: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** Format: uuid */
                            teamId: string | null;
                            customerName: string | null;
                            csq: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            primarySupervisor: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            secondarySupervisor: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            /** @description The supervisors alerted so far: the primary, and the secondary once escalated. */
                            alerted: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            escalatedAt: string | null;
                            /** Format: date-time */
                            answeredAt: string | null;
                            answeredBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            cancelledAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assist-requests/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer a request for help: records who and when; the agent sees who is on it
         * @description For the primary or secondary supervisor it names, or an administrator; once (409 conflict after).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            contactId: string;
                            /** @enum {unknown} */
                            kind: "help" | "emergency";
                            /** @enum {unknown} */
                            status: "open" | "answered" | "cancelled" | "ended";
                            agent: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** Format: uuid */
                            teamId: string | null;
                            customerName: string | null;
                            csq: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            primarySupervisor: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            secondarySupervisor: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            /** @description The supervisors alerted so far: the primary, and the secondary once escalated. */
                            alerted: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            escalatedAt: string | null;
                            /** Format: date-time */
                            answeredAt: string | null;
                            answeredBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            cancelledAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assist-requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take back an open request for help (the agent who asked) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            contactId: string;
                            /** @enum {unknown} */
                            kind: "help" | "emergency";
                            /** @enum {unknown} */
                            status: "open" | "answered" | "cancelled" | "ended";
                            agent: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** Format: uuid */
                            teamId: string | null;
                            customerName: string | null;
                            csq: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            primarySupervisor: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            secondarySupervisor: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            /** @description The supervisors alerted so far: the primary, and the secondary once escalated. */
                            alerted: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            escalatedAt: string | null;
                            /** Format: date-time */
                            answeredAt: string | null;
                            answeredBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            cancelledAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assist-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Requests for help, newest first
         * @description Administrators: the tenant's. Supervisors: those alerted to them and their own. Agents: their own. open=true: only those still waiting for an answer.
         */
        get: {
            parameters: {
                query?: {
                    open?: boolean;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            contactId: string;
                            /** @enum {unknown} */
                            kind: "help" | "emergency";
                            /** @enum {unknown} */
                            status: "open" | "answered" | "cancelled" | "ended";
                            agent: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** Format: uuid */
                            teamId: string | null;
                            customerName: string | null;
                            csq: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            primarySupervisor: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            secondarySupervisor: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            /** @description The supervisors alerted so far: the primary, and the secondary once escalated. */
                            alerted: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            escalatedAt: string | null;
                            /** Format: date-time */
                            answeredAt: string | null;
                            answeredBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            cancelledAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a web chat for a customer and queue it in a chat CSQ
         * @description For channel adapters and tests; the chat widget starts chats itself. The answer holds the secret the customer side uses on /public/chats.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        csqId: string;
                        callType?: string;
                        customer: {
                            name?: string;
                            /** Format: email */
                            email?: string;
                            phone?: string;
                        };
                        customFields?: {
                            [key: string]: string;
                        };
                        problemStatement?: string;
                        /**
                         * Format: uuid
                         * @description A random id of yours for this start, kept as secret as the token: a retry returns the same chat and token.
                         */
                        clientId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            chatId: string;
                            /** @description The customer side keeps this secret: Authorization: Chat <token>. */
                            token: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Web chats created in a period, for reporting (JSON, or CSV with format=csv)
         * @description Newest first. Outcome counts a chat left while it was being offered as abandoned; chatType is "group chat" once a second agent joined.
         */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    csqId?: string;
                    limit?: number;
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            contactId: string;
                            /** @enum {unknown} */
                            chatType: "chat" | "group chat";
                            /** Format: uuid */
                            csqId: string;
                            csqName: string | null;
                            callType: string;
                            /** Format: uuid */
                            widgetId: string | null;
                            customerName: string | null;
                            /** Format: uuid */
                            agentId: string | null;
                            agentUsername: string | null;
                            /** @description Group chat: the agents who joined as guests. */
                            guestUsernames: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            acceptedAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            waitSeconds: number | null;
                            talkSeconds: number | null;
                            wrapUpSeconds: number | null;
                            /** @enum {unknown} */
                            outcome: "handled" | "abandoned" | "dequeued" | "open";
                            endedBy: string | null;
                            wrapUpReasons: string[];
                            messages: number;
                            rating: number | null;
                            ratingComment: string | null;
                        }[] | string;
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A chat's customer details and messages (agents: the chats they handle) */
        get: {
            parameters: {
                query?: {
                    /** @description Only messages numbered above this. */
                    after?: number;
                    /** @description Agents: a contact you handle now whose customer had this earlier chat (its customer-history). */
                    via?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            contactId: string;
                            customer: {
                                name: string | null;
                                email: string | null;
                                phone: string | null;
                                fields: {
                                    [key: string]: string;
                                };
                            };
                            problemStatement: string | null;
                            rating: {
                                rating: number;
                                comment: string | null;
                            } | null;
                            messages: {
                                /** @description The message number in its chat, from 1, without gaps. */
                                seq: number;
                                /** @enum {unknown} */
                                from: "customer" | "agent";
                                alias: string | null;
                                text: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write to the customer of a chat you have accepted */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Your id for this message: sending it again returns the first one, never a second.
                         */
                        clientId: string;
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The message number in its chat, from 1, without gaps. */
                            seq: number;
                            /** @enum {unknown} */
                            from: "customer" | "agent";
                            alias: string | null;
                            text: string;
                            /** Format: date-time */
                            at: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}/typing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tell the customer you are typing, or stopped */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        typing: boolean;
                    };
                };
            };
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}/invite-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Chat CSQs to invite from, with how many of their agents could join now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            csqId: string;
                            csqName: string;
                            /** @description Agents of the CSQ who could take the invitation now. */
                            available: number;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite the best available agent of a chat CSQ into a chat you are in
         * @description At most two agents with the customer: refused (409 group_chat_full) while two are in or an invitation waits; 409 no_agent_available when no agent of the CSQ can join now. An agent who declined is not invited again until another agent has joined.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        csqId: string;
                        /** @description Shown to the invitee alone, never to the customer. */
                        notes?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The agent invited (the best available of the CSQ). */
                            agentId: string;
                            /** Format: uuid */
                            csqId: string;
                            /** Format: date-time */
                            deadline: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The invitation waiting for you in a chat: who asks, their notes, the last 100 messages */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            contactId: string;
                            inviter: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** Format: uuid */
                            csqId: string;
                            csqName: string;
                            notes: string | null;
                            /** Format: date-time */
                            deadline: string;
                            customer: {
                                name: string | null;
                            };
                            problemStatement: string | null;
                            /** @description The last 100 messages of the chat. */
                            messages: {
                                /** @description The message number in its chat, from 1, without gaps. */
                                seq: number;
                                /** @enum {unknown} */
                                from: "customer" | "agent";
                                alias: string | null;
                                text: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}/invitation/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join the chat you are invited into */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}/invitation/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline the invitation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Leave a chat another agent is in (the last agent ends it instead) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}/monitor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Silently monitor an agent's live chat: the chat so far; the rest comes on the event stream
         * @description Neither the customer nor the agent is told. From now on your event stream carries the chat's chat.message, chat.typing and chat.whisper notices until you stop, the chat ends, is transferred or queued again, it leaves your scope, or your last event stream closes. Supervisors: agents of the teams they supervise (403 otherwise). Audited (monitor_start).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            contactId: string;
                            customer: {
                                name: string | null;
                                email: string | null;
                                phone: string | null;
                                fields: {
                                    [key: string]: string;
                                };
                            };
                            problemStatement: string | null;
                            rating: {
                                rating: number;
                                comment: string | null;
                            } | null;
                            messages: {
                                /** @description The message number in its chat, from 1, without gaps. */
                                seq: number;
                                /** @enum {unknown} */
                                from: "customer" | "agent";
                                alias: string | null;
                                text: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                            /** @description The agent who owns the chat. */
                            agentId: string;
                            /** @description Whether you are in the chat with the customer now. */
                            barged: boolean;
                            whispers: {
                                id: string;
                                from: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                text: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Stop monitoring a chat (leaving it first if you barged in) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}/whispers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A chat's whispers, oldest first (never shown to the customer) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            from: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            text: string;
                            /** Format: date-time */
                            at: string;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Whisper to the agents of a chat you monitor: they alone see it, never the customer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            from: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            text: string;
                            /** Format: date-time */
                            at: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}/barge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Barge into a live chat: the customer sees you join; write with POST /chats/{id}/messages
         * @description You are not a routed participant: the chat keeps its group-chat room for agents. Audited (barge_start).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Leave a chat you barged into and go on monitoring it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/widgets/{id}/chats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A customer starts a chat from a widget's form (409 widget_closed outside its service hours) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        problemStatementId: string;
                        fields: {
                            name?: string;
                            email?: "" | string;
                            phone?: string;
                            custom?: {
                                [key: string]: string;
                            };
                        };
                        /**
                         * Format: uuid
                         * @description A random id of yours for this start, kept as secret as the token: a retry returns the same chat and token.
                         */
                        clientId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            chatId: string;
                            /** @description The customer side keeps this secret: Authorization: Chat <token>. */
                            token: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/chats/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The chat's messages numbered above `after` (to catch up without the stream) */
        get: {
            parameters: {
                query?: {
                    /** @description Only messages numbered above this. */
                    after?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The message number in its chat, from 1, without gaps. */
                            seq: number;
                            /** @enum {unknown} */
                            from: "customer" | "agent";
                            alias: string | null;
                            text: string;
                            /** Format: date-time */
                            at: string;
                        }[];
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** The customer writes (idempotent per clientId; at most 20 at once, then 1 a second) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Your id for this message: sending it again returns the first one, never a second.
                         */
                        clientId: string;
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The message number in its chat, from 1, without gaps. */
                            seq: number;
                            /** @enum {unknown} */
                            from: "customer" | "agent";
                            alias: string | null;
                            text: string;
                            /** Format: date-time */
                            at: string;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/chats/{id}/typing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The customer is typing, or stopped */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        typing: boolean;
                    };
                };
            };
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/chats/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The customer ends the chat (abandoned if no agent had joined yet) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/chats/{id}/transcript": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The transcript as a plain-text download */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/chats/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The customer rates the chat after it has ended (1–5; a second rating replaces the first) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rating: number;
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/chats/{id}/stream-tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A one-use ticket to open the chat's stream (WebSocket …/stream?ticket=…&after=N) within 30 s */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opens one WebSocket as `?ticket=`; used once. */
                            ticket: string;
                            /** @description Seconds left to connect with it. */
                            expiresIn: number;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A one-use ticket to open the event stream (WebSocket /api/v1/events?ticket=…) within 30 s */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opens one WebSocket as `?ticket=`; used once. */
                            ticket: string;
                            /** @description Seconds left to connect with it. */
                            expiresIn: number;
                        };
                    };
                };
                /** @description The request was refused; see error.code. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorResponse: {
            error: {
                /** @enum {unknown} */
                code: "validation_failed" | "invalid_json" | "unsupported_media_type" | "payload_too_large" | "unauthenticated" | "invalid_credentials" | "token_expired" | "forbidden" | "not_found" | "conflict" | "too_many_attempts" | "team_message_rate_limited" | "team_messages_full" | "chat_rate_limited" | "chat_ended" | "widget_closed" | "chat_start_rate_limited" | "limit_reached" | "no_agent_available" | "group_chat_full" | "no_supervisor" | "upgrade_required" | "internal";
                message: string;
                details: unknown;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

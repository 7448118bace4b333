// Generated from docs/openapi.json by `pnpm --filter @mj/web gen:api`; do not edit.
export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
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
                            /** @enum {string} */
                            status: "ok";
                        };
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
    "/api/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database, and Redis when configured */
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
                            /** @enum {string} */
                            status: "ok" | "unavailable";
                            checks: {
                                [key: string]: "ok" | "down" | "skipped";
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok" | "unavailable";
                            checks: {
                                [key: string]: "ok" | "down" | "skipped";
                            };
                        };
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
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account (and its tenant) */
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
                        email: string;
                        password: string;
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
                            user: {
                                id: string;
                                email: string;
                                tenantId: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in; sets the refresh cookie */
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
                        email: string;
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
                            expiresIn: number;
                            user: {
                                id: string;
                                email: string;
                                tenantId: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the refresh token (cookie or body) for a new access token */
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
                        refreshToken?: string;
                    } | null;
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
                            expiresIn: number;
                            user: {
                                id: string;
                                email: string;
                                tenantId: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/auth/logout": {
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
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a single-use reset link (always 202) */
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
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "accepted";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with a reset token */
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
                        token: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/public/household/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What leaves soon (titles, dates, posters): no account needed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
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
                            language: string;
                            items: {
                                deletionId: string;
                                title: string;
                                year: number | null;
                                /** @enum {string} */
                                kind: "movie" | "series";
                                leavesAt: string;
                                posterUrl: string | null;
                                keepRequested: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/public/household/{token}/posters/{deletionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The poster of a title on the page, at one of the fixed widths (404 for anything else) */
        get: {
            parameters: {
                query?: {
                    width?: number;
                };
                header?: never;
                path: {
                    token: string;
                    deletionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/png": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/webp": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/svg+xml": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/png": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/webp": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/svg+xml": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/png": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/webp": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/svg+xml": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/public/household/{token}/keep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask to keep a title (a name is required) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deletionId: string;
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
                            /** @enum {boolean} */
                            ok: true;
                            /** @enum {string} */
                            action: "postpone" | "cancel" | "none";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/public/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unsubscribe link of notification emails (signed; no login) */
        get: {
            parameters: {
                query: {
                    token: string;
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
                    content?: never;
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
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current user */
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
                            user: {
                                id: string;
                                email: string;
                                tenantId: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/auth/password/change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password */
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
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke every session and API token of the user */
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
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete the account, its tenant and all its data */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Personal API tokens */
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
                            items: {
                                id: string;
                                name: string;
                                prefix: string;
                                /** @enum {string} */
                                scope: "read" | "write";
                                expiresAt: string | null;
                                createdAt: string;
                                lastUsedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a personal API token (shown once) */
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
                        /**
                         * @default read
                         * @enum {string}
                         */
                        scope?: "read" | "write";
                        expiresAt?: (string | number) | null;
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
                            name: string;
                            prefix: string;
                            /** @enum {string} */
                            scope: "read" | "write";
                            expiresAt: string | null;
                            createdAt: string;
                            lastUsedAt: string | null;
                            token: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a personal API token */
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every connection */
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
                            jellyfin: {
                                /** @enum {string} */
                                kind: "jellyfin" | "jellyseerr" | "radarr" | "sonarr";
                                /** @enum {boolean} */
                                configured: true;
                                url: string;
                                serverName: string | null;
                                version: string | null;
                                certFingerprint: string | null;
                                keyReadable: boolean;
                                updatedAt: string;
                            } | {
                                /** @enum {string} */
                                kind: "jellyfin" | "jellyseerr" | "radarr" | "sonarr";
                                /** @enum {boolean} */
                                configured: false;
                            };
                            jellyseerr: {
                                /** @enum {string} */
                                kind: "jellyfin" | "jellyseerr" | "radarr" | "sonarr";
                                /** @enum {boolean} */
                                configured: true;
                                url: string;
                                serverName: string | null;
                                version: string | null;
                                certFingerprint: string | null;
                                keyReadable: boolean;
                                updatedAt: string;
                            } | {
                                /** @enum {string} */
                                kind: "jellyfin" | "jellyseerr" | "radarr" | "sonarr";
                                /** @enum {boolean} */
                                configured: false;
                            };
                            radarr: {
                                /** @enum {string} */
                                kind: "jellyfin" | "jellyseerr" | "radarr" | "sonarr";
                                /** @enum {boolean} */
                                configured: true;
                                url: string;
                                serverName: string | null;
                                version: string | null;
                                certFingerprint: string | null;
                                keyReadable: boolean;
                                updatedAt: string;
                            } | {
                                /** @enum {string} */
                                kind: "jellyfin" | "jellyseerr" | "radarr" | "sonarr";
                                /** @enum {boolean} */
                                configured: false;
                            };
                            sonarr: {
                                /** @enum {string} */
                                kind: "jellyfin" | "jellyseerr" | "radarr" | "sonarr";
                                /** @enum {boolean} */
                                configured: true;
                                url: string;
                                serverName: string | null;
                                version: string | null;
                                certFingerprint: string | null;
                                keyReadable: boolean;
                                updatedAt: string;
                            } | {
                                /** @enum {string} */
                                kind: "jellyfin" | "jellyseerr" | "radarr" | "sonarr";
                                /** @enum {boolean} */
                                configured: false;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/connections/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One connection (without its API key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "jellyfin" | "jellyseerr" | "radarr" | "sonarr";
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
                            /** @enum {string} */
                            kind: "jellyfin" | "jellyseerr" | "radarr" | "sonarr";
                            /** @enum {boolean} */
                            configured: true;
                            url: string;
                            serverName: string | null;
                            version: string | null;
                            certFingerprint: string | null;
                            keyReadable: boolean;
                            updatedAt: string;
                        } | {
                            /** @enum {string} */
                            kind: "jellyfin" | "jellyseerr" | "radarr" | "sonarr";
                            /** @enum {boolean} */
                            configured: false;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        /**
         * Test the server with this key, then save it (encrypted)
         * @description Answers 400 with a precise code when the test fails: invalid_url, blocked_address, unreachable, timeout, tls_error (details.fingerprint), invalid_api_key, not_jellyfin / not_jellyseerr / not_radarr / not_sonarr. Radarr and Sonarr are tested with GET /api/v3/system/status.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "jellyfin" | "jellyseerr" | "radarr" | "sonarr";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url: string;
                        apiKey: string;
                        certFingerprint?: string | null;
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
                            /** @enum {string} */
                            kind: "jellyfin" | "jellyseerr" | "radarr" | "sonarr";
                            /** @enum {boolean} */
                            configured: true;
                            url: string;
                            serverName: string | null;
                            version: string | null;
                            certFingerprint: string | null;
                            keyReadable: boolean;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove the connection and the data synced from it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "jellyfin" | "jellyseerr" | "radarr" | "sonarr";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/demo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bundled demo media servers (embedded mode) */
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
                            available: boolean;
                            jellyfin: {
                                url: string;
                                apiKey: string;
                            } | null;
                            jellyseerr: {
                                url: string;
                                apiKey: string;
                            } | null;
                            radarr: {
                                url: string;
                                apiKey: string;
                            } | null;
                            sonarr: {
                                url: string;
                                apiKey: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a sync of the library, watch history and requests */
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
                        allowShrink?: boolean;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            runId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/sync/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Current sync state and the last finished run */
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
                            /** @enum {string} */
                            state: "idle" | "queued" | "running";
                            runId: string | null;
                            progress: {
                                step: string | null;
                                done: number;
                                total: number | null;
                            };
                            lastRun: {
                                id: string;
                                /** @enum {string} */
                                status: "success" | "partial" | "failed";
                                startedAt: string | null;
                                finishedAt: string | null;
                                error: string | null;
                                mode: ("full" | "incremental") | null;
                                counts: {
                                    [key: string]: number | {
                                        [key: string]: number;
                                    };
                                } | null;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/sync/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sync history, newest first */
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
                            items: {
                                id: string;
                                /** @enum {string} */
                                status: "queued" | "running" | "success" | "partial" | "failed";
                                /** @enum {string} */
                                trigger: "manual" | "schedule" | "connect";
                                createdAt: string;
                                startedAt: string | null;
                                finishedAt: string | null;
                                error: string | null;
                                mode: ("full" | "incremental") | null;
                                counts: {
                                    [key: string]: number | {
                                        [key: string]: number;
                                    };
                                } | null;
                                progress: {
                                    step: string | null;
                                    done: number;
                                    total: number | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/sync/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live sync status (text/event-stream) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Server-sent events: `event: status` with a SyncStatusEvent as JSON data whenever the status changes, and `: keep-alive` comments between. Ends after 30 minutes; the client reconnects. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": components["schemas"]["SyncStatusEvent"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Totals of every analysis: old, large, language (count and size), requests, recent */
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
                            old: {
                                count: number;
                                sizeBytes: number;
                            };
                            large: {
                                count: number;
                                sizeBytes: number;
                            };
                            language: {
                                count: number;
                                sizeBytes: number;
                            };
                            requests: {
                                count: number;
                            };
                            recent: {
                                count: number;
                            };
                            lastSync: string | null;
                            reclaimed: {
                                last30DaysBytes: number;
                                totalBytes: number;
                            };
                            leavingSoon: {
                                count: number;
                                sizeBytes: number;
                                nextAt: string | null;
                            };
                            couldFree: {
                                bytes: number;
                                titles: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/dashboard/space-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Space over time: one point per UTC day with the totals after its newest successful sync */
        get: {
            parameters: {
                query?: {
                    days?: number;
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
                            days: number;
                            points: {
                                date: string;
                                at: string;
                                totalBytes: number;
                                items: number;
                                couldFree: {
                                    bytes: number;
                                    titles: number;
                                };
                                old: {
                                    count: number;
                                    sizeBytes: number;
                                };
                                large: {
                                    count: number;
                                    sizeBytes: number;
                                };
                                language: {
                                    count: number;
                                    sizeBytes: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Movies, series and requests with an issue, filtered, sorted and paged
         * @description Without `kind`, every kind including unavailable requests (`id` = `request:<requestId>`, never merged with library rows). Default order: size descending; newest request first for `kind=request`.
         */
        get: {
            parameters: {
                query?: {
                    kind?: "old" | "large" | "language" | "request";
                    q?: string;
                    sort?: "size" | "name" | "added" | "watched" | "requested" | "release";
                    order?: "asc" | "desc";
                    page?: number;
                    pageSize?: number;
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
                            items: {
                                id: string;
                                title: string;
                                year: number | null;
                                /** @enum {string} */
                                mediaType: "movie" | "series";
                                sizeBytes: number | null;
                                largestSeasonBytes: number | null;
                                addedAt: string | null;
                                lastWatchedAt: string | null;
                                watchedBy: {
                                    id: string;
                                    name: string;
                                }[];
                                issues: {
                                    /** @enum {string} */
                                    kind: "old" | "large" | "language" | "request";
                                    codes?: string[];
                                }[];
                                problemEpisodes?: {
                                    id: string;
                                    season: number | null;
                                    episode: number | null;
                                    name: string;
                                    codes: string[];
                                }[];
                                request?: {
                                    requestId: number;
                                    requestedBy: string | null;
                                    requestedAt: string | null;
                                    releaseDate: string | null;
                                    missingSeasons: number[];
                                    staleInJellyseerr: boolean;
                                };
                                links: {
                                    jellyfin: string | null;
                                    jellyseerr?: string;
                                    tmdb?: string;
                                };
                                managedBy: {
                                    /** @enum {string} */
                                    app: "radarr" | "sonarr";
                                    id: number;
                                } | null;
                            }[];
                            total: number;
                            totalSizeBytes: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/recent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recently available requests, grouped by day in the tenant time zone */
        get: {
            parameters: {
                query?: {
                    days?: number;
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
                            windowDays: number;
                            timeZone: string;
                            total: number;
                            days: {
                                date: string;
                                items: {
                                    requestId: number;
                                    /** @enum {string} */
                                    mediaType: "movie" | "series";
                                    title: string;
                                    requester: string | null;
                                    arrivedAt: string;
                                    episodes: string | null;
                                    links: {
                                        jellyfin: string | null;
                                        jellyseerr?: string;
                                        tmdb?: string;
                                    };
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/recent/share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A plain-text message of what arrived, grouped by requester
         * @description text/plain by default; `Accept: application/json` returns `{ text }`.
         */
        get: {
            parameters: {
                query?: {
                    days?: number;
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
                    content?: never;
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
    "/api/library": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every movie and series, filtered, sorted and paged, with totals of the filtered set */
        get: {
            parameters: {
                query?: {
                    kind?: "movie" | "series";
                    q?: string;
                    watched?: "true" | "false";
                    yearFrom?: number;
                    yearTo?: number;
                    sizeMin?: number;
                    sizeMax?: number;
                    sort?: "name" | "size" | "added" | "watched" | "year";
                    order?: "asc" | "desc";
                    page?: number;
                    pageSize?: number;
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
                            items: {
                                id: string;
                                title: string;
                                year: number | null;
                                /** @enum {string} */
                                mediaType: "movie" | "series";
                                sizeBytes: number | null;
                                largestSeasonBytes: number | null;
                                addedAt: string | null;
                                lastWatchedAt: string | null;
                                watchedBy: {
                                    id: string;
                                    name: string;
                                }[];
                                issues: {
                                    /** @enum {string} */
                                    kind: "old" | "large" | "language" | "request";
                                    codes?: string[];
                                }[];
                                problemEpisodes?: {
                                    id: string;
                                    season: number | null;
                                    episode: number | null;
                                    name: string;
                                    codes: string[];
                                }[];
                                request?: {
                                    requestId: number;
                                    requestedBy: string | null;
                                    requestedAt: string | null;
                                    releaseDate: string | null;
                                    missingSeasons: number[];
                                    staleInJellyseerr: boolean;
                                };
                                links: {
                                    jellyfin: string | null;
                                    jellyseerr?: string;
                                    tmdb?: string;
                                };
                                managedBy: {
                                    /** @enum {string} */
                                    app: "radarr" | "sonarr";
                                    id: number;
                                } | null;
                            }[];
                            total: number;
                            totalSizeBytes: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant settings */
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
                            oldAfterMonths: number;
                            minAgeMonths: number;
                            largeMovieGiB: number;
                            largeSeasonGiB: number;
                            requiredAudioLanguages: string[];
                            requiredSubtitleLanguages: string[];
                            countForcedSubtitles: boolean;
                            languageCheckAddedWithinDays: number;
                            showUnreleasedRequests: boolean;
                            releaseGraceDays: number;
                            recentDays: number;
                            timeZone: string;
                            titleLanguage: string;
                            /** @enum {string} */
                            theme: "system" | "light" | "dark";
                            excludedUsers: string[];
                            includedLibraries: string[] | null;
                            syncHour: number;
                            purgeExpiredAfterDays: number | null;
                            preSyncRefresh: boolean;
                            leavingSoonDays: number;
                            leavingSoonCollection: boolean;
                            leavingSoonCollectionName: string;
                            allowJellyfinDelete: boolean;
                            clearJellyseerrMedia: boolean;
                            maxDeletionGiBPerDay: number;
                            autoSchedule: boolean;
                            cleanupPaused: boolean;
                            /** @enum {string} */
                            keepRequestAction: "postpone" | "cancel" | "none";
                            digestDay: number;
                            digestHour: number;
                            notifyRequesters: boolean;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change some settings; the analyses are re-evaluated before the response */
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
                        oldAfterMonths?: number;
                        minAgeMonths?: number;
                        largeMovieGiB?: number;
                        largeSeasonGiB?: number;
                        requiredAudioLanguages?: string[];
                        requiredSubtitleLanguages?: string[];
                        countForcedSubtitles?: boolean;
                        languageCheckAddedWithinDays?: number;
                        showUnreleasedRequests?: boolean;
                        releaseGraceDays?: number;
                        recentDays?: number;
                        timeZone?: string;
                        titleLanguage?: string;
                        /** @enum {string} */
                        theme?: "system" | "light" | "dark";
                        excludedUsers?: string[];
                        includedLibraries?: string[] | null;
                        syncHour?: number;
                        purgeExpiredAfterDays?: number | null;
                        preSyncRefresh?: boolean;
                        leavingSoonDays?: number;
                        leavingSoonCollection?: boolean;
                        leavingSoonCollectionName?: string;
                        allowJellyfinDelete?: boolean;
                        clearJellyseerrMedia?: boolean;
                        maxDeletionGiBPerDay?: number;
                        autoSchedule?: boolean;
                        cleanupPaused?: boolean;
                        /** @enum {string} */
                        keepRequestAction?: "postpone" | "cancel" | "none";
                        digestDay?: number | string;
                        digestHour?: number;
                        notifyRequesters?: boolean;
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
                            oldAfterMonths: number;
                            minAgeMonths: number;
                            largeMovieGiB: number;
                            largeSeasonGiB: number;
                            requiredAudioLanguages: string[];
                            requiredSubtitleLanguages: string[];
                            countForcedSubtitles: boolean;
                            languageCheckAddedWithinDays: number;
                            showUnreleasedRequests: boolean;
                            releaseGraceDays: number;
                            recentDays: number;
                            timeZone: string;
                            titleLanguage: string;
                            /** @enum {string} */
                            theme: "system" | "light" | "dark";
                            excludedUsers: string[];
                            includedLibraries: string[] | null;
                            syncHour: number;
                            purgeExpiredAfterDays: number | null;
                            preSyncRefresh: boolean;
                            leavingSoonDays: number;
                            leavingSoonCollection: boolean;
                            leavingSoonCollectionName: string;
                            allowJellyfinDelete: boolean;
                            clearJellyseerrMedia: boolean;
                            maxDeletionGiBPerDay: number;
                            autoSchedule: boolean;
                            cleanupPaused: boolean;
                            /** @enum {string} */
                            keepRequestAction: "postpone" | "cancel" | "none";
                            digestDay: number;
                            digestHour: number;
                            notifyRequesters: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/settings/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore every default */
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
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            oldAfterMonths: number;
                            minAgeMonths: number;
                            largeMovieGiB: number;
                            largeSeasonGiB: number;
                            requiredAudioLanguages: string[];
                            requiredSubtitleLanguages: string[];
                            countForcedSubtitles: boolean;
                            languageCheckAddedWithinDays: number;
                            showUnreleasedRequests: boolean;
                            releaseGraceDays: number;
                            recentDays: number;
                            timeZone: string;
                            titleLanguage: string;
                            /** @enum {string} */
                            theme: "system" | "light" | "dark";
                            excludedUsers: string[];
                            includedLibraries: string[] | null;
                            syncHour: number;
                            purgeExpiredAfterDays: number | null;
                            preSyncRefresh: boolean;
                            leavingSoonDays: number;
                            leavingSoonCollection: boolean;
                            leavingSoonCollectionName: string;
                            allowJellyfinDelete: boolean;
                            clearJellyseerrMedia: boolean;
                            maxDeletionGiBPerDay: number;
                            autoSchedule: boolean;
                            cleanupPaused: boolean;
                            /** @enum {string} */
                            keepRequestAction: "postpone" | "cancel" | "none";
                            digestDay: number;
                            digestHour: number;
                            notifyRequesters: boolean;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/whitelists/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Entries of a whitelist, paged, newest first (expired ones marked `expired`)
         * @description Types: content, large, language-exempt, original-language-only, subtitles-suffice, episode-exempt, request. `counts` gives every type's number of entries.
         */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    type: "content" | "large" | "language-exempt" | "original-language-only" | "subtitles-suffice" | "episode-exempt" | "request";
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
                            items: {
                                id: string;
                                /** @enum {string} */
                                type: "content" | "large" | "language-exempt" | "original-language-only" | "subtitles-suffice" | "episode-exempt" | "request";
                                /** @enum {string} */
                                kind: "movie" | "series" | "episode" | "request";
                                itemId: string | null;
                                title: string;
                                providerIds: {
                                    tmdb: string | null;
                                    tvdb: string | null;
                                    imdb: string | null;
                                };
                                seriesId: string | null;
                                season: number | null;
                                episode: number | null;
                                requestId: number | null;
                                mediaType: ("movie" | "tv") | null;
                                languages: string[] | null;
                                expiresAt: string | null;
                                createdAt: string;
                                expired: boolean;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                            counts: {
                                content: number;
                                large: number;
                                "language-exempt": number;
                                "original-language-only": number;
                                "subtitles-suffice": number;
                                "episode-exempt": number;
                                request: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add an item (`itemId`) or a request (`requestId`) to a whitelist
         * @description Types: content, large, language-exempt, original-language-only, subtitles-suffice, episode-exempt, request. 409 when an active entry already covers the item; an expired one is replaced.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: "content" | "large" | "language-exempt" | "original-language-only" | "subtitles-suffice" | "episode-exempt" | "request";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        itemId?: string;
                        requestId?: number;
                        expiresAt?: (string | number) | null;
                        languages?: string[];
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
                            /** @enum {string} */
                            type: "content" | "large" | "language-exempt" | "original-language-only" | "subtitles-suffice" | "episode-exempt" | "request";
                            /** @enum {string} */
                            kind: "movie" | "series" | "episode" | "request";
                            itemId: string | null;
                            title: string;
                            providerIds: {
                                tmdb: string | null;
                                tvdb: string | null;
                                imdb: string | null;
                            };
                            seriesId: string | null;
                            season: number | null;
                            episode: number | null;
                            requestId: number | null;
                            mediaType: ("movie" | "tv") | null;
                            languages: string[] | null;
                            expiresAt: string | null;
                            createdAt: string;
                            expired: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/whitelists/{type}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Match a pasted list of titles (preview); `confirm: true` saves the matched ones */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: "content" | "large" | "language-exempt" | "original-language-only" | "subtitles-suffice" | "episode-exempt" | "request";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        confirm?: boolean;
                        expiresAt?: (string | number) | null;
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
                            matched: {
                                line: string;
                                itemId: string;
                                title: string;
                            }[];
                            ambiguous: {
                                line: string;
                                candidates: {
                                    itemId: string;
                                    title: string;
                                    year: number | null;
                                    /** @enum {string} */
                                    mediaType: "movie" | "series";
                                }[];
                            }[];
                            notFound: string[];
                            saved?: {
                                id: string;
                                /** @enum {string} */
                                type: "content" | "large" | "language-exempt" | "original-language-only" | "subtitles-suffice" | "episode-exempt" | "request";
                                /** @enum {string} */
                                kind: "movie" | "series" | "episode" | "request";
                                itemId: string | null;
                                title: string;
                                providerIds: {
                                    tmdb: string | null;
                                    tvdb: string | null;
                                    imdb: string | null;
                                };
                                seriesId: string | null;
                                season: number | null;
                                episode: number | null;
                                requestId: number | null;
                                mediaType: ("movie" | "tv") | null;
                                languages: string[] | null;
                                expiresAt: string | null;
                                createdAt: string;
                                expired: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/whitelists/{type}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an entry */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: "content" | "large" | "language-exempt" | "original-language-only" | "subtitles-suffice" | "episode-exempt" | "request";
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an entry's expiry (null = permanent) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: "content" | "large" | "language-exempt" | "original-language-only" | "subtitles-suffice" | "episode-exempt" | "request";
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        expiresAt: (string | number) | null;
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
                            id: string;
                            /** @enum {string} */
                            type: "content" | "large" | "language-exempt" | "original-language-only" | "subtitles-suffice" | "episode-exempt" | "request";
                            /** @enum {string} */
                            kind: "movie" | "series" | "episode" | "request";
                            itemId: string | null;
                            title: string;
                            providerIds: {
                                tmdb: string | null;
                                tvdb: string | null;
                                imdb: string | null;
                            };
                            seriesId: string | null;
                            season: number | null;
                            episode: number | null;
                            requestId: number | null;
                            mediaType: ("movie" | "tv") | null;
                            languages: string[] | null;
                            expiresAt: string | null;
                            createdAt: string;
                            expired: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/nicknames": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Display names of the Jellyfin and Jellyseerr users (prefilled from the servers) */
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
                            items: {
                                /** @enum {string} */
                                source: "jellyfin" | "jellyseerr";
                                userId: string;
                                serverName: string | null;
                                displayName: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        /** Replace the nicknames (a blank name restores the server name) */
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
                        items: {
                            /** @enum {string} */
                            source: "jellyfin" | "jellyseerr";
                            userId: string;
                            displayName: string;
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
                            items: {
                                /** @enum {string} */
                                source: "jellyfin" | "jellyseerr";
                                userId: string;
                                serverName: string | null;
                                displayName: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/media-libraries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Jellyfin libraries of the last successful sync (ids for `includedLibraries`) */
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
                            items: {
                                id: string;
                                name: string;
                                collectionType: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/deletions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deletions, by status */
        get: {
            parameters: {
                query?: {
                    status?: ("scheduled" | "executing" | "done" | "failed" | "skipped" | "cancelled") | "history";
                    page?: number;
                    pageSize?: number;
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
                            items: {
                                id: string;
                                itemId: string;
                                title: string;
                                /** @enum {string} */
                                kind: "movie" | "series";
                                year: number | null;
                                sizeBytes: number;
                                /** @enum {string} */
                                status: "scheduled" | "executing" | "done" | "failed" | "skipped" | "cancelled";
                                executeAt: string;
                                /** @enum {string} */
                                target: "radarr" | "sonarr" | "jellyfin";
                                seasons: number[] | null;
                                addImportExclusion: boolean;
                                reason: string | null;
                                executedAt: string | null;
                                restoredAt: string | null;
                                restorable: boolean;
                                createdAt: string;
                                updatedAt: string;
                                keepRequests?: {
                                    name: string;
                                    at: string;
                                }[];
                                itemExists: boolean;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Schedule titles for deletion (executeAt now executes at once) */
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
                        items: {
                            itemId: string;
                            seasons?: number[];
                        }[];
                        executeAt?: string | number;
                        addImportExclusion?: boolean;
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
                            deletions: {
                                id: string;
                                itemId: string;
                                title: string;
                                /** @enum {string} */
                                kind: "movie" | "series";
                                year: number | null;
                                sizeBytes: number;
                                /** @enum {string} */
                                status: "scheduled" | "executing" | "done" | "failed" | "skipped" | "cancelled";
                                executeAt: string;
                                /** @enum {string} */
                                target: "radarr" | "sonarr" | "jellyfin";
                                seasons: number[] | null;
                                addImportExclusion: boolean;
                                reason: string | null;
                                executedAt: string | null;
                                restoredAt: string | null;
                                restorable: boolean;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/deletions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One deletion with its history */
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
                            itemId: string;
                            title: string;
                            /** @enum {string} */
                            kind: "movie" | "series";
                            year: number | null;
                            sizeBytes: number;
                            /** @enum {string} */
                            status: "scheduled" | "executing" | "done" | "failed" | "skipped" | "cancelled";
                            executeAt: string;
                            /** @enum {string} */
                            target: "radarr" | "sonarr" | "jellyfin";
                            seasons: number[] | null;
                            addImportExclusion: boolean;
                            reason: string | null;
                            executedAt: string | null;
                            restoredAt: string | null;
                            restorable: boolean;
                            createdAt: string;
                            updatedAt: string;
                            history: {
                                at: string;
                                /** @enum {string} */
                                status: "scheduled" | "executing" | "done" | "failed" | "skipped" | "cancelled";
                                actor: string;
                                note: string | null;
                            }[];
                            keepRequests: {
                                name: string;
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Cancel a scheduled deletion (409 once it is no longer scheduled) */
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Move a scheduled deletion */
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
                        executeAt: string | number;
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
                            id: string;
                            itemId: string;
                            title: string;
                            /** @enum {string} */
                            kind: "movie" | "series";
                            year: number | null;
                            sizeBytes: number;
                            /** @enum {string} */
                            status: "scheduled" | "executing" | "done" | "failed" | "skipped" | "cancelled";
                            executeAt: string;
                            /** @enum {string} */
                            target: "radarr" | "sonarr" | "jellyfin";
                            seasons: number[] | null;
                            addImportExclusion: boolean;
                            reason: string | null;
                            executedAt: string | null;
                            restoredAt: string | null;
                            restorable: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/deletions/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a deleted title back to Radarr/Sonarr and search for it (30 days) */
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
                            id: string;
                            itemId: string;
                            title: string;
                            /** @enum {string} */
                            kind: "movie" | "series";
                            year: number | null;
                            sizeBytes: number;
                            /** @enum {string} */
                            status: "scheduled" | "executing" | "done" | "failed" | "skipped" | "cancelled";
                            executeAt: string;
                            /** @enum {string} */
                            target: "radarr" | "sonarr" | "jellyfin";
                            seasons: number[] | null;
                            addImportExclusion: boolean;
                            reason: string | null;
                            executedAt: string | null;
                            restoredAt: string | null;
                            restorable: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log (365 days, newest first) */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    page?: number;
                    pageSize?: number;
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
                            items: {
                                id: string;
                                at: string;
                                actor: string;
                                action: string;
                                deletionId: string | null;
                                itemId: string | null;
                                title: string | null;
                                sizeBytes: number | null;
                                detail: {
                                    [key: string]: unknown;
                                };
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/audit.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log as CSV (365 days) */
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
                    content?: never;
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
    "/api/items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One movie or series: issues and their rules, seasons, files, tracks, watchers, whitelist, requests, deletion */
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
                            item: {
                                id: string;
                                title: string;
                                year: number | null;
                                /** @enum {string} */
                                mediaType: "movie" | "series";
                                sizeBytes: number | null;
                                largestSeasonBytes: number | null;
                                addedAt: string | null;
                                lastWatchedAt: string | null;
                                watchedBy: {
                                    id: string;
                                    name: string;
                                }[];
                                issues: {
                                    /** @enum {string} */
                                    kind: "old" | "large" | "language" | "request";
                                    codes?: string[];
                                }[];
                                problemEpisodes?: {
                                    id: string;
                                    season: number | null;
                                    episode: number | null;
                                    name: string;
                                    codes: string[];
                                }[];
                                request?: {
                                    requestId: number;
                                    requestedBy: string | null;
                                    requestedAt: string | null;
                                    releaseDate: string | null;
                                    missingSeasons: number[];
                                    staleInJellyseerr: boolean;
                                };
                                links: {
                                    jellyfin: string | null;
                                    jellyseerr?: string;
                                    tmdb?: string;
                                };
                                managedBy: {
                                    /** @enum {string} */
                                    app: "radarr" | "sonarr";
                                    id: number;
                                } | null;
                            };
                            rules: {
                                /** @enum {string} */
                                kind: "old" | "large" | "language";
                                rule: string;
                                threshold: string;
                            }[];
                            streams: {
                                audio: string[];
                                subtitles: string[];
                                forcedSubtitles: string[];
                            } | null;
                            versions: {
                                name: string | null;
                                sizeBytes: number | null;
                            }[];
                            seasons: {
                                seasonNumber: number | null;
                                episodes: number;
                                sizeBytes: number;
                            }[];
                            episodes: {
                                id: string;
                                name: string;
                                seasonNumber: number | null;
                                episodeNumber: number | null;
                                sizeBytes: number | null;
                                streams: {
                                    audio: string[];
                                    subtitles: string[];
                                    forcedSubtitles: string[];
                                } | null;
                                versions: {
                                    name: string | null;
                                    sizeBytes: number | null;
                                }[];
                            }[];
                            watchers: {
                                userId: string;
                                name: string;
                                played: boolean;
                                playCount: number;
                                lastPlayedAt: string | null;
                            }[];
                            whitelist: {
                                id: string;
                                type: string;
                                expiresAt: string | null;
                            }[];
                            requests: {
                                id: number;
                                status: number;
                                is4k: boolean;
                                requestedAt: string | null;
                                seasons: number[];
                            }[];
                            deletion: {
                                id: string;
                                status: string;
                                executeAt: string | null;
                                seasons: number[] | null;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/items/{id}/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A title's Jellyfin poster at one of the fixed widths, with an ETag (If-None-Match gives 304) */
        get: {
            parameters: {
                query?: {
                    width?: number;
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
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/png": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/webp": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/svg+xml": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/png": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/webp": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/svg+xml": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/png": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/webp": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/svg+xml": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/png": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/webp": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                        "image/svg+xml": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/notifications/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The channels (never their URL, token or secret) */
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
                            items: {
                                id: string;
                                /** @enum {string} */
                                type: "email" | "discord" | "slack" | "ntfy" | "gotify" | "webhook";
                                name: string;
                                events: ("digest" | "leaving-soon" | "deletion" | "sync-failed" | "recently-available")[];
                                to: string[];
                                target: string | null;
                                hasUrl: boolean;
                                hasSecret: boolean;
                                hasToken: boolean;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a channel
         * @description Answers 400 `blocked_address` for a URL the guarded client would refuse.
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
                        /** @enum {string} */
                        type: "email" | "discord" | "slack" | "ntfy" | "gotify" | "webhook";
                        name: string;
                        /** @default [] */
                        events?: ("digest" | "leaving-soon" | "deletion" | "sync-failed" | "recently-available")[];
                        url?: string;
                        secret?: string;
                        token?: string;
                        to?: string[];
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
                            /** @enum {string} */
                            type: "email" | "discord" | "slack" | "ntfy" | "gotify" | "webhook";
                            name: string;
                            events: ("digest" | "leaving-soon" | "deletion" | "sync-failed" | "recently-available")[];
                            to: string[];
                            target: string | null;
                            hasUrl: boolean;
                            hasSecret: boolean;
                            hasToken: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/notifications/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a channel */
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a channel */
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
                        events?: ("digest" | "leaving-soon" | "deletion" | "sync-failed" | "recently-available")[];
                        url?: string;
                        secret?: string | null;
                        token?: string | null;
                        to?: string[];
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
                            id: string;
                            /** @enum {string} */
                            type: "email" | "discord" | "slack" | "ntfy" | "gotify" | "webhook";
                            name: string;
                            events: ("digest" | "leaving-soon" | "deletion" | "sync-failed" | "recently-available")[];
                            to: string[];
                            target: string | null;
                            hasUrl: boolean;
                            hasSecret: boolean;
                            hasToken: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/notifications/channels/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a sample now; answers with the delivery */
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
                            id: string;
                            event: string;
                            channelId: string;
                            channel: string | null;
                            /** @enum {string} */
                            status: "pending" | "sent" | "failed" | "dead";
                            attempts: number;
                            at: string;
                            error: string | null;
                            ok: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/notifications/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every delivery attempt, newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
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
                            items: {
                                id: string;
                                event: string;
                                channelId: string;
                                channel: string | null;
                                /** @enum {string} */
                                status: "pending" | "sent" | "failed" | "dead";
                                attempts: number;
                                at: string;
                                error: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/household/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The household links */
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
                            items: {
                                id: string;
                                createdAt: string;
                                expiresAt: string | null;
                                revokedAt: string | null;
                                active: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a household link (its URL ends with the token, shown once) */
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
                        expiresAt?: string | number;
                    } | null;
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
                            url: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
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
    "/api/household/links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a link */
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        SyncStatusEvent: {
            /** @enum {string} */
            state: "idle" | "queued" | "running";
            runId: string | null;
            progress: {
                step: string | null;
                done: number;
                total: number | null;
            };
            lastRun: {
                id: string;
                /** @enum {string} */
                status: "success" | "partial" | "failed";
                startedAt: string | null;
                finishedAt: string | null;
                error: string | null;
                mode: ("full" | "incremental") | null;
                counts: {
                    [key: string]: number | {
                        [key: string]: number;
                    };
                } | null;
            } | null;
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

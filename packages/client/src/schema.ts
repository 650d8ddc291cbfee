/**
 * Generated from docs/openapi.json by openapi-typescript (npm run api:doc). Do not edit.
 */

export interface paths {
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Identitas pemanggil / The caller’s identity, roles and memberships
         * @description From the verified token: who the caller is and where each of their roles applies. No other token contents (e-mail, client, lifetimes) are echoed.
         *
         *     Any signed-in caller.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Region platform (sel data) / Platform regions (data cells)
         * @description Where tenants’ data lives (a database and a bucket per region, in Indonesia). A fixed list of a handful of regions, answered whole, never paged.
         *
         *     Public: no token.
         */
        get: operations["listRegions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wilayah": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daftar kabupaten/kota resmi / Official regencies and cities
         * @description Kepmendagri 300.2.2-2138/2025 (514 regencies and cities), in code order, paged: walk `next` (or filter by `province`) to read them all.
         *
         *     Public: no token.
         */
        get: operations["listRegencies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wilayah/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Satu kabupaten/kota / One regency or city
         * @description Public: no token.
         */
        get: operations["getRegency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Direktori tenant (kabupaten/kota) / Tenant directory
         * @description In order of the Kemendagri code.
         *
         *     Public: no token.
         */
        get: operations["listTenants"];
        put?: never;
        /**
         * Daftarkan tenant dari kode wilayah resmi / Create a tenant from an official region code
         * @description Name, province, time zone and population come from the Kemendagri reference data. The home region defaults to the region of the province (HOME_REGION_PROVINCES), the status to proposed. With `copyOf` (kaji tiru) the new tenant starts with the role model’s plugins at its versions and its overlays, in the same transaction.
         *
         *     Roles: `platform-admin`.
         */
        post: operations["createTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Satu tenant / One tenant
         * @description Public: no token.
         */
        get: operations["getTenant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pengaturan tenant / Tenant settings
         * @description The browser origins allowed to call this tenant’s paths (CORS).
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        get: operations["getTenantSettings"];
        /**
         * Ubah pengaturan tenant / Change tenant settings
         * @description Replaces the settings. Quote the ETag you read in If-Match: an update over someone else’s change is refused (412).
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        put: operations["updateTenantSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Jejak audit tenant / The tenant’s audit trail
         * @description Newest first, paged by cursor over (time, id): an event recorded while a client walks the pages never shifts them, and nothing is left out. Holds usernames of staff, so national roles other than the platform admin may not read it.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Registri plugin instansi / The agency plugin registry
         * @description Every published plugin in id order, one page at a time, each with its versions (newest first) and their content hashes.
         *
         *     Public: no token.
         */
        get: operations["listPlugins"];
        put?: never;
        /**
         * Terbitkan versi plugin / Publish a plugin version
         * @description Body: the assembled manifest (plugin.json with its services inlined, as `satupintu plugin publish` sends). Linted with the same rules as `satupintu plugin lint`: 422 PLUGIN_MANIFEST_INVALID lists every problem found, one `errors` entry each with its JSON pointer (the shape is checked first, then host range, regex safety and SOP references). The lint runs on a worker thread, never on the thread serving other requests: the patterns of one manifest share an analysis budget, and a pattern not proven safe within it (or whose analysis had to be stopped) is refused with its pointer: 422 PLUGIN_MANIFEST_TOO_COMPLEX when that is all that is wrong, otherwise listed among the PLUGIN_MANIFEST_INVALID errors. An agency has one manifest checked at a time (more: 429 PLUGIN_LINT_LIMIT with Retry-After); when every lint thread is busy and the queue is full, 503 PLUGIN_LINT_BUSY with Retry-After. A published version is immutable: the same content again is a no-op (200, safe to retry), other content under a published version is refused (409 PLUGIN_VERSION_IMMUTABLE). Publishers publish for their own agency only.
         *
         *     Roles: `agency-publisher`, `platform-admin`.
         */
        post: operations["publishPlugin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/{plugin}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Satu plugin dan versinya / One plugin and its versions
         * @description Public: no token.
         */
        get: operations["getPlugin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/{plugin}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Manifest satu versi / The manifest of one version
         * @description A published version never changes: its ETag is its content hash (strong), it may be cached for good, and a client holding the hash gets 304 with If-None-Match.
         *
         *     Public: no token.
         */
        get: operations["getPluginVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/lint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Periksa manifest tanpa menerbitkan / Check a manifest without publishing it
         * @description The checks of `publishPlugin` (the same linter, on a lint thread, within the same budget and per-agency share: 429 PLUGIN_LINT_LIMIT and 503 PLUGIN_LINT_BUSY as there) without publishing: 200 with every problem found (an empty list when the manifest would publish), the content hash it would get, and whether its version number is already taken. Nothing is written, so no Idempotency-Key is needed. For the publisher’s editor, which checks as the person edits. Publishers check manifests of their own agency only.
         *
         *     Roles: `agency-publisher`, `platform-admin`.
         */
        post: operations["lintPlugin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/installations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Plugin terpasang di tenant / Plugins installed in the tenant
         * @description Pinned versions and overlays, in plugin id order, one page at a time.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        get: operations["listInstallations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/installations/{plugin}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Satu plugin terpasang / One installation
         * @description The pinned version and the overlays, with the ETag an upgrade may quote in If-Match.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        get: operations["getInstallation"];
        /**
         * Pasang atau ganti versi plugin / Install a plugin or move it to another version
         * @description The tenant stays pinned to this version until an admin changes it; applications in flight stay on the version they started on. Existing overlays must fit the target version (else 409 OVERLAY_CONFLICT, and nothing changes). The body names the whole target state, so repeating the call changes nothing (`unchanged`) and If-Match is optional: send the ETag you read to make the move conditional (412 when the installation changed since).
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        put: operations["installPlugin"];
        post?: never;
        /**
         * Copot plugin / Uninstall a plugin
         * @description Removes the installation with its overlays and published standards. If-Match is optional: when sent, the installation is removed only if it did not change since (else 412).
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        delete: operations["uninstallPlugin"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/installations/{plugin}/overlays/{service}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Overlay layanan / A service overlay
         * @description What the regency set for one service (counter, schedule and quota, hours, contact, unlocked fee, local standard components), with the ETag to quote when changing it.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        get: operations["getServiceOverlay"];
        /**
         * Atur overlay layanan / Set a service overlay
         * @description Replaces the overlay of one service — e.g. Imigrasi’s passport sessions on Tuesdays and Thursdays for 20 people. Only keys the service lists in `overlayable` are accepted (counter, contact, openingHours, schedule, unlocked fee, facilities, staffing…): others, and values only the platform checks (a phone number), are 422 OVERLAY_INVALID. Creating the first overlay needs no If-Match; replacing one needs the ETag you read (428 without it, 412 when someone changed it meanwhile). `{}` clears it.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        put: operations["setServiceOverlay"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/installations/{plugin}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Riwayat pemasangan / Installation history
         * @description Who changed what, when, from and to: installs, version moves, overlays and standards of the plugin, newest first, one page at a time. Events recorded while you page land before the first page, never twice.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        get: operations["getInstallationHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Katalog layanan publik tenant / The tenant’s public service catalog
         * @description Installed services with the six published components of the standar pelayanan (requirements, procedure, time, fee, product, complaints), in Indonesian and English, with the agency and the counter. Answered whole, not paged: a regency’s catalog is bounded by the services it installed (tens, a few hundred at most), and one body is what lets it be rendered once, cached, compressed ahead (brotli or gzip, as the client accepts) and revalidated for free — read on cheap phones, it is the first page citizens open. The unfiltered catalog carries a weak ETag (the same for every content coding); `If-None-Match` with it answers 304 with no body. The filtered one (`q`, `category`, `agency`) is computed per request.
         *
         *     Public: no token.
         */
        get: operations["listServices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/service-summaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daftar layanan ringkas / The catalog as its list shows it
         * @description Every installed service with only what a list shows (name, summary, category, channels, keywords, agency, whether a session must be booked); the standar pelayanan is on the service itself (`getService`). Under half of `listServices` on the wire (KBB: ~9 KB brotli instead of ~23 KB; 39 KB of JSON instead of 178 KB to parse): what the catalog page reads on a cheap phone. Rendered and compressed once per installation change, with a weak ETag; `If-None-Match` with it answers 304.
         *
         *     Public: no token.
         */
        get: operations["listServiceSummaries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/services/{service}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Rincian layanan / One service in full
         * @description All 14 components, documents, the form (JSON Schema and UI hints), SLA, fee, outputs and SOP states, as this tenant offers the service (its pinned version with the regency’s overlay).
         *
         *     Public: no token.
         */
        get: operations["getService"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/services/{service}/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Periksa isian formulir / Check form data
         * @description Validates form data against the installed version’s JSON Schema (NIK, KK, NPWP, phone and postal code formats included). Stores nothing.
         *
         *     Public: no token.
         */
        post: operations["validateServiceForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/holidays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hari libur nasional dan cuti bersama / National holidays and cuti bersama
         * @description A national reference list (SKB 3 Menteri: about thirty dates a year), answered whole rather than paged; `year` narrows it to one year.
         *
         *     Public: no token.
         */
        get: operations["listHolidays"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/holidays/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Tetapkan hari libur / Set a holiday (effective at once)
         * @description Creates or replaces the holiday of `kind` on the date. National reference data transcribed from the decree by the platform admin alone: the last write stands (no ETag; repeating the same PUT is harmless).
         *
         *     Roles: `platform-admin`.
         */
        put: operations["setHoliday"];
        post?: never;
        /**
         * Hapus hari libur / Remove a holiday
         * @description Roles: `platform-admin`.
         */
        delete: operations["deleteHoliday"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/closures/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Tutup MPP pada tanggal / Close the MPP on a date
         * @description Counts as a non-working day for SLAs and sessions of this tenant, effective at once. Creates the closure or replaces its reason, and answers its ETag. If-Match is optional here (a closure is one date’s create-or-replace, and a retried PUT must not fail): when sent it must name the current version (412 otherwise, nothing changed); `If-None-Match: *` only creates (412 when the date is already closed).
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        put: operations["setTenantClosure"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Permohonan saya / My applications
         * @description Citizens see their own, filers what they filed, officers their agency’s submitted applications. Newest first, in pages.
         *
         *     Roles: `citizen`, `officer`, `village-operator` (member of the tenant).
         */
        get: operations["listApplications"];
        put?: never;
        /**
         * Ajukan permohonan (atau simpan draf) / Apply (or save a draft)
         * @description A citizen applies online. An officer (counter) or village operator (assisted) files for a citizen with `applicant` and `consent`. `submit: true` validates the form and required documents at once; otherwise a draft is saved on the server (update it with PATCH and the ETag answered here).
         *
         *     Roles: `citizen`, `officer`, `village-operator` (member of the tenant).
         */
        post: operations["createApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Lacak permohonan / Track an application
         * @description Status, timeline, documents, outputs and the actions the caller may take now. The ETag is the application’s version (If-None-Match: 304 while it has not changed).
         *
         *     Roles: `citizen`, `officer`, `village-operator` (member of the tenant).
         */
        get: operations["getApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Perbarui draf / Update a draft
         * @description Replaces the draft’s form data. Quote the ETag you read in If-Match: 428 without it, 412 when the draft changed meanwhile (another device saved first). Only the draft’s writer may: its citizen online, or the village operator or officer who filed it with the citizen’s recorded consent (their every change is on the timeline, field by field); anyone else gets 404, or 403 on a file they handle. After submission the form changes only through an SOP action.
         *
         *     Roles: `citizen`, `officer`, `village-operator` (member of the tenant).
         */
        patch: operations["updateDraft"];
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/applications/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Unduh tanda terima (PDF) / Download the receipt (PDF)
         * @description The receipt of a submitted application as a one-page PDF, Indonesian first with English: the MPP, service, tracking code, when it was submitted (tenant time zone), the SLA due date, the original documents to bring to the counter, the applicant’s name and masked NIK, and a QR code to the application’s tracking page. For its applicant, the officers of its agency and whoever filed it (village operator, counter officer); to others it does not exist (404). A draft has none yet (409 RECEIPT_NOT_READY).
         *
         *     Roles: `citizen`, `officer`, `village-operator` (member of the tenant).
         */
        get: operations["getApplicationReceipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/applications/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Kirim permohonan / Submit
         * @description Checks the form and the required documents against the application’s plugin version, then starts its SLA clocks. Submitting what was submitted already answers the application as it is.
         *
         *     Roles: `citizen`, `officer`, `village-operator` (member of the tenant).
         */
        post: operations["submitApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/applications/{id}/documents/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Unggah dokumen (badan mentah) / Upload a document (raw body)
         * @description Send the file as the raw request body; the type is decided from the content (magic bytes), whatever the Content-Type says. `?filename=` names it. Streams to S3; size, count and accepted types come from the plugin. The same bytes for the same document are one document (a retry gets the first back).
         *
         *     Roles: `citizen`, `officer`, `village-operator` (member of the tenant).
         */
        put: operations["uploadDocument"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/applications/{id}/documents/{code}/from-application": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pakai produk layanan lain (layanan terintegrasi) / Use another service’s output (journey)
         * @description E.g. the Polri loss report (SKTLK) as the KTP-el replacement’s document, without a re-upload; refused beyond the plugin’s maximum age.
         *
         *     Roles: `citizen`, `officer`, `village-operator` (member of the tenant).
         */
        post: operations["attachJourneyDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/applications/{id}/documents/{document}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tautan unduh dokumen / Document download link
         * @description Answers 200 with a JSON body holding a presigned GET URL of the file in the tenant’s region, valid for two minutes, after the access check (no redirect, no bytes from this API).
         *
         *     Roles: `citizen`, `officer`, `village-operator` (member of the tenant).
         */
        get: operations["downloadDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/applications/{id}/outputs/{output}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tautan unduh produk / Output download link
         * @description Answers 200 with a JSON body holding a presigned GET URL of the issued PDF, valid for two minutes (no redirect, no bytes from this API). 404 for an output that is not a document or not issued yet.
         *
         *     Roles: `citizen`, `officer`, `village-operator` (member of the tenant).
         */
        get: operations["downloadOutput"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/applications/{id}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tindakan SOP / Take an SOP action
         * @description Allowed actions come from the application’s own plugin version: (state, role) → actions. Anything else is 409. With `expectedVersion` the action is refused (409 VERSION_CONFLICT) when the application changed since you read it; of two officers acting at once exactly one wins. After submission the form changes only here: `data` carries the whole corrected form (e.g. with `resubmit` after a return for correction), validated against the application’s form, and the action’s timeline entry lists every field changed with its old and new value.
         *
         *     Roles: `citizen`, `officer`, `village-operator`, `tenant-admin` (member of the tenant).
         */
        post: operations["actOnApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/agencies/{agency}/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Antrean kerja petugas / Officer work queue
         * @description Submitted applications of one agency at one tenant, in pages by the current step’s due time (steps without a clock last), then id. `today` and `counts` (total, due today, overdue) cover the whole queue with the same filters, on every page.
         *
         *     Roles: `officer` (member of the tenant) (serving the agency).
         */
        get: operations["getOfficerQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/applications/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ambil permohonan / Claim an application
         * @description An officer of the application’s agency takes it (or gives it back with `release: true`). Someone else’s claim is 409.
         *
         *     Roles: `officer` (member of the tenant).
         */
        post: operations["claimApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Eskalasi lewat batas waktu / Overdue escalations
         * @description Every escalation of an application step past its due time, newest first, in pages.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        get: operations["listEscalations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/applicant-lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cari pemohon dengan NIK / Find an applicant by NIK
         * @description For assisted filing (a village operator) and the counter (an officer): the person as last filed and their applications, among what the caller may already see (what they filed; an officer also their agency’s submitted applications). Nothing else is searched. The NIK goes in the body, never in a URL; each application answered is logged as a read of that person’s data.
         *
         *     Roles: `officer`, `village-operator` (member of the tenant).
         */
        post: operations["lookupApplicant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/services/{service}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sesi layanan yang tersedia / Open sessions of a service
         * @description Every session of a window of local dates in the tenant’s time zone, from the regency’s schedule (e.g. KBB passports Tue/Thu, 20 people); holidays and cuti bersama are flagged, closed dates have none. The window is at most 90 days and is answered whole (never cut): the answer names it (`from`, `to`); read further with `from` = the day after `to`.
         *
         *     Public: no token.
         */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/sessions/{session}/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pesan sesi / Book a session
         * @description A citizen books online (the online share of capacity); an officer registers a walk-in with `walkIn`, for a session of an agency they serve (another agency’s session answers 404). Exactly `capacity` bookings succeed; the rest get 409 SESSION_FULL with the next open session. One person holds at most a few active bookings still to come per tenant (3 by default) and one per service per day (409 BOOKING_LIMIT_REACHED). `applicationId` must name an open application of the booker (a walk-in: of their NIK) for the session’s service (else 422 BOOKING_APPLICATION_INVALID), and one application holds one active booking (409 APPLICATION_ALREADY_BOOKED naming it: reschedule that one). A retry with the same Idempotency-Key gets the first booking, after checking the caller may still book this way (a walk-in: still an officer of that agency here).
         *
         *     Roles: `citizen`, `officer` (member of the tenant).
         */
        post: operations["bookSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pemesanan saya / My bookings
         * @description The caller’s bookings in this tenant (every status), in session-time order; `application` keeps those of one application.
         *
         *     Roles: `citizen`, `officer` (member of the tenant).
         */
        get: operations["listMyBookings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/bookings/{booking}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Batalkan pemesanan / Cancel a booking
         * @description Roles: `citizen`, `officer` (member of the tenant).
         */
        delete: operations["cancelBooking"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/bookings/{booking}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Jadwal ulang / Reschedule
         * @description One step: the new seat is taken and the old one given back together; when the new session is full nothing changes (409 SESSION_FULL). Only to a session of the same service (422 SESSION_OF_ANOTHER_SERVICE), and not to a day on which the caller holds that service already (409 BOOKING_LIMIT_REACHED). The answer is the new booking (a new id). A retry with the same Idempotency-Key gets the first answer, after checking the booking is still the caller’s.
         *
         *     Roles: `citizen`, `officer` (member of the tenant).
         */
        post: operations["rescheduleBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/bookings/{booking}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check-in: nomor antrean hari ini / today’s queue number
         * @description By an officer of the booking’s agency (or the tenant admin); to others the booking does not exist.
         *
         *     Roles: `officer`, `tenant-admin` (member of the tenant).
         */
        post: operations["checkInBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/bookings/{booking}/no-show": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tandai tidak hadir / Mark a no-show
         * @description Roles: `officer`, `tenant-admin` (member of the tenant).
         */
        post: operations["markNoShow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/counters/{counter}/call-next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Panggil antrean berikutnya / Call the next number
         * @description The lowest number waiting today at the counter (checked-in bookings and walk-in queue tickets, one line) among those of the agencies the caller serves (the tenant admin: all); `called` is null when nobody of theirs waits.
         *
         *     Roles: `officer`, `tenant-admin` (member of the tenant).
         */
        post: operations["callNext"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/applications/{id}/queue-ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ambil nomor antrean (datang langsung) / Take a walk-in queue number
         * @description Today’s next number at the counter of the application’s service (the regency’s counter number, else the agency code), for a submitted application, without a booked session: by an officer of its agency at the counter, or by the village operator who filed it. One number per application per local day: asking again answers the same ticket (a retry with the same Idempotency-Key too). The counter calls tickets and checked-in bookings as one line, by number (callNext). Anyone else: 404.
         *
         *     Roles: `officer`, `village-operator` (member of the tenant).
         */
        post: operations["issueQueueTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/queue-tickets/{ticket}/no-show": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Nomor antrean tidak hadir / Mark a walk-in number absent
         * @description By an officer of the ticket’s agency (or the tenant admin); to others the ticket does not exist. Marking it again changes nothing.
         *
         *     Roles: `officer`, `tenant-admin` (member of the tenant).
         */
        post: operations["markTicketNoShow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/queue-display": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Layar antrean ruang tunggu / Waiting-hall queue display
         * @description For the screen in the MPP hall: per counter, the number being served, the numbers called before it today and how many wait. Numbers only: no names, no services, nothing about anyone.
         *
         *     Public: no token.
         */
        get: operations["getQueueDisplay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/counters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Loket hari ini / Today’s counters
         * @description The counters of the agencies the caller serves (the tenant admin: all), for the counter screen: the number being served, the numbers waiting (ticket and service only, lowest first) and today’s booked people still to check in.
         *
         *     Roles: `officer`, `tenant-admin` (member of the tenant).
         */
        get: operations["getCounterBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/sessions/{session}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Konfirmasi sesi pada hari libur (instansi) / Confirm a session on a holiday (agency)
         * @description A session on a national holiday, on cuti bersama that is not a working day for its agency here, or on a day the MPP closed after it was stored is flagged (`needsDecision`): its agency confirms it serves (this operation) or cancels it (`cancelSession`, which tells every booked citizen). Confirming again answers the same; a changed flag (the holiday changed later) asks again.
         *
         *     Roles: `officer`, `tenant-admin` (member of the tenant).
         */
        post: operations["confirmSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/agencies/{agency}/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Cuti bersama sebagai hari kerja instansi / Whether cuti bersama is a working day for an agency
         * @description Per tenant and agency (the tenant admin decides): `cutiBersamaWorkingDay: true` means the agency’s counter serves on cuti bersama, so its sessions on such days are not flagged; false (the default) flags them for the agency to confirm or cancel. National holidays and closures always flag. Effective at the sessions’ next listing. Repeating the same PUT is harmless.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        put: operations["setAgencyCalendar"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/sessions/{session}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Batalkan sesi (instansi) / Cancel a session (agency)
         * @description With its reason. Every booked person is moved to the earliest later session of the service with a seat (first booked, first moved; the same application goes along) and told where and why (`appointment.moved`); anyone who cannot be moved gets a reschedule notice naming the next open session (`nextSession`, looked up over the schedule until `searchedUntil`). Repeating it moves nobody twice.
         *
         *     Roles: `officer`, `tenant-admin` (member of the tenant).
         */
        post: operations["cancelSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/sessions/utilization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pemanfaatan sesi / Session utilization
         * @description Per session: capacity, booked, checked in, no-shows, in session-time order. Counts only (no personal data), for the tenant admin and the ministry. Default window: today and four weeks on (give `from` to walk the pages of one fixed window across midnight).
         *
         *     Roles: `tenant-admin`, `ministry-analyst`, `platform-admin` (member of the tenant).
         */
        get: operations["sessionUtilization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/skm/questionnaire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Kuesioner SKM (9 unsur, skala 1–4) / SKM questionnaire
         * @description The nine unsur of PermenPANRB 14/2017 with their answer wording, the respondent profile options, the weighting convention and the category table. A fixed reference set by the regulation: answered whole, never paged.
         *
         *     Public: no token.
         */
        get: operations["skmQuestionnaire"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/skm/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Undangan survei saya / My survey invitations
         * @description The caller’s open invitations, newest first: one per completed application, open for 30 days; an answered or expired one leaves the list. Paged.
         *
         *     Roles: `citizen` (member of the tenant).
         */
        get: operations["mySkmInvitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/applications/{application}/skm-invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Undangan survei suatu permohonan (loket) / The survey invitation of an application (counter)
         * @description For applications filed at the counter: the officer of its agency (or the coordinator) hands the citizen the token as a QR code. `token` is null once answered. Another agency’s officer gets 404, as for an application without an invitation.
         *
         *     Roles: `officer`, `tenant-admin` (member of the tenant).
         */
        get: operations["skmInvitationOfApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/skm/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Isi survei kepuasan / Answer the satisfaction survey
         * @description Anonymous and public: the invitation token (192 random bits, from the invitation list, the QR code or the message) is the only credential, so the survey can be answered without an account. The response keeps no link to the person or the application: the token is erased when answered; only its SHA-256 digest (for one-response-per-invitation) and the tenant’s local date are kept.
         *
         *     Safe to retry without an Idempotency-Key: the token is the key. The same answers sent again return the first response (200, `Idempotent-Replayed: true`, `replayed: true`); other answers get 409 SKM_ALREADY_ANSWERED; an invitation past its 30 days gets 409 SKM_INVITATION_EXPIRED; an unknown token 404 SKM_INVITATION_NOT_FOUND.
         *
         *     Known limits: 404 and 409 tell an unknown token from a used one (harmless: tokens cannot be guessed, and neither answer says anything about a person); whoever holds a token (the citizen, or the counter that printed it) can answer once; a public caller is held to the per-address request budget (429).
         *
         *     Public: no token.
         */
        post: operations["answerSkm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/skm/ikm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * IKM per periode (tenant, instansi atau layanan) / IKM for a period
         * @description NRR per unsur, weighted NRR (equal weights 1/9), IKM = ×25, category A–D, the Krejcie–Morgan minimum-sample check, and the per-service breakdown. An aggregate: one report, every service with responses in it (bounded by the tenant’s services). Default period: 1 January to today.
         *
         *     Roles: `tenant-admin`, `ministry-analyst`, `platform-admin` (member of the tenant).
         */
        get: operations["tenantIkm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{agency}/skm/ikm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * IKM layanan instansi di semua wilayah / An agency’s IKM across every region
         * @description For the agency’s publisher and officers, and national roles: per service overall and per tenant, from every region. An aggregate answered whole: at most one row per tenant and service (bounded by the directory and the agency’s services); never a response, a profile or a suggestion.
         *
         *     Roles: `agency-publisher`, `officer`, `ministry-analyst`, `platform-admin` (serving the agency).
         */
        get: operations["agencyIkmAcrossRegions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/skm/ikm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * IKM per tenant (kementerian) / IKM per tenant (ministry)
         * @description Tenant-wide IKM, category, weakest unsur and sample check for every tenant. Aggregates only, never personal data. One row per tenant of the directory (at most the 514 regencies and cities), answered whole as one national table, in code order.
         *
         *     Roles: `ministry-analyst`, `platform-admin`.
         */
        get: operations["nationalIkm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/skm/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daftar tindak lanjut SKM / SKM follow-ups
         * @description Newest first, paged. `closedBy` (a staff username) is shown to the tenant’s own coordinators and the platform admin, not to ministry analysts.
         *
         *     Roles: `tenant-admin`, `ministry-analyst`, `platform-admin` (member of the tenant).
         */
        get: operations["listSkmFollowUps"];
        put?: never;
        /**
         * Buka tindak lanjut unsur terendah / Open follow-ups on the weakest unsur
         * @description For a period: one task for the tenant and one per service with responses, on the unsur with the lowest NRR. Safe to repeat without an Idempotency-Key: a task exists once per scope and period, so repeating it opens nothing new and answers the same tasks. A job does this for the previous quarter on the first day of each quarter. Answers every follow-up of the period (a bounded set).
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        post: operations["openSkmFollowUps"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/skm/follow-ups/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tutup tindak lanjut / Close a follow-up
         * @description Records the result (and plan) and closes the task, with an audit event in the same commit. A task closes once (409 after); a retry with the same Idempotency-Key gets the first answer.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        post: operations["closeSkmFollowUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/onboarding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daftar periksa persiapan MPP / Onboarding checklist
         * @description Status and days to (or past) the commitment deadline, the checklist with progress, every installed service with its counter and standar pelayanan state, agencies (MoU), maklumat, decrees and the lifecycle history. A summary answered whole: its lists are the ones the paged operations (standards, agencies, decrees, lifecycle) give one page at a time.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        get: operations["getOnboarding"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/lifecycle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Riwayat tahapan MPP / Lifecycle history
         * @description Every move with its date and actor, oldest first (the first is the registration), one page at a time.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        get: operations["getLifecycle"];
        put?: never;
        /**
         * Ubah tahapan MPP / Move the tenant to another lifecycle stage
         * @description proposed → committed → preparing → trial → launched → inaugurated → operating. Forward moves may skip stages (409 LIFECYCLE_MOVE_INVALID for anything else: back more than one stage, back to proposed); a move back is one stage and needs a note (422 LIFECYCLE_NOTE_REQUIRED). A move is dated today (tenant-local) or on `on`, never in the future nor, going forward, before the last move (422 LIFECYCLE_DATE_INVALID). Committing sets the deadline one year later. Repeating a move to the current status changes nothing, so a retry is safe.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        post: operations["moveLifecycle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Instansi yang bergabung (MoU) / Agencies joined (MoU)
         * @description In agency code order, one page at a time.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        get: operations["listTenantAgencies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/agencies/{agency}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Catatan MoU satu instansi / One agency’s MoU record
         * @description Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        get: operations["getTenantAgency"];
        /**
         * Catat MoU instansi / Record an agency joining (MoU)
         * @description Records the first MoU without If-Match; replacing a record needs the ETag you read (428 without it, 412 when it changed meanwhile).
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        put: operations["setTenantAgency"];
        post?: never;
        /**
         * Hapus catatan MoU instansi / Remove an agency record
         * @description Quote the ETag you read in If-Match (required): a record someone changed since is not removed (412).
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        delete: operations["removeTenantAgency"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/maklumat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Maklumat pelayanan (publik) / The service pledge (public)
         * @description The ETag is `"0"` before the regency publishes one; an admin may quote either in If-Match when publishing.
         *
         *     Public: no token.
         */
        get: operations["getMaklumat"];
        /**
         * Terbitkan maklumat pelayanan / Publish the maklumat pelayanan
         * @description The first maklumat needs no If-Match (or `"0"`, the ETag GET answers while there is none); replacing it needs the ETag you read (428 without it, 412 when it changed meanwhile).
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        put: operations["publishMaklumat"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/decrees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Surat keputusan (SK) / Decrees
         * @description By the date signed (then kind and number), one page at a time.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        get: operations["listDecrees"];
        put?: never;
        /**
         * Catat SK / Record a decree
         * @description Recording the same kind and number again updates it, so a retry is safe.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        post: operations["recordDecree"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/standards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Kelengkapan standar pelayanan per layanan / Standar pelayanan state per service
         * @description Every installed service (in service id order, one page at a time): its counter, whether its 14 components are complete, what is missing, its published SK.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        get: operations["listStandards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/standards/{service}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Standar pelayanan yang ditetapkan / A published standar pelayanan
         * @description The SK that set the service’s standard, with the ETag to quote when publishing it again or withdrawing it.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        get: operations["getStandard"];
        /**
         * Tetapkan standar pelayanan / Publish a service’s standar pelayanan
         * @description Refused with 422 STANDARD_INCOMPLETE, listing each missing component (of 14), unless the plugin and the regency overlay fill all of them. The first publication needs no If-Match; publishing again (a new SK) needs the ETag you read (428 without it, 412 when someone changed it meanwhile).
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        put: operations["publishStandard"];
        post?: never;
        /**
         * Cabut penetapan standar pelayanan / Withdraw a published standard
         * @description Withdrawing undoes a decree: quote the ETag you read in If-Match (required; 428 without it, 412 when it was published again meanwhile).
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        delete: operations["withdrawStandard"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Selisih dengan tenant percontohan (kaji tiru) / Drift from the role model
         * @description Plugins missing/behind/ahead/extra, overlay fields that differ, the maklumat. A comparison answered whole: its lists are bounded by the plugins and services the two tenants install.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        get: operations["getModelDrift"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/drift/adopt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ambil pembaruan dari tenant percontohan / Take the role model’s upgrades
         * @description Moves each given (default: every) plugin that is behind or missing to the model’s version, in one transaction. 409 NO_MODEL_TENANT when the tenant was not created from a role model; 409 OVERLAY_CONFLICT when an overlay does not fit a target version (and nothing is taken). Repeating it changes nothing (`taken` is then empty), so a retry is safe.
         *
         *     Roles: `tenant-admin`, `platform-admin` (member of the tenant).
         */
        post: operations["adoptModelUpgrades"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/national/cockpit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Kokpit nasional (KemenPAN-RB) / National cockpit
         * @description Every tenant in every region with its status, days to (or past) the commitment deadline, services live against planned, applications by channel and the online share, SLA compliance, overdue counts and appointment utilization over the window, plus national totals and alerts. Read from the rollups regions publish every minute (see `rollupAt`); aggregates only, never personal data. Formulas: docs/monitoring.md.
         *
         *     One dashboard, answered whole and never cut: at most one row per regency/city (514) and two alerts per tenant, all computed at the one instant `asOf`, so totals, rows and alerts agree. Narrow it with `region` or `status`.
         *
         *     Roles: `ministry-analyst`, `platform-admin`.
         */
        get: operations["getNationalCockpit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/national/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Peringatan nasional / National alerts
         * @description no-online-uptake, deadline-passed, deadline-near, sla-below-threshold; critical first, then by days, then by tenant. Computed on read at one instant (`asOf`) from the published figures; answered whole (at most two alerts per tenant, so at most 1,028 for the 514 regencies and cities), since a page cursor over a list recomputed at every read could not stay stable.
         *
         *     Roles: `ministry-analyst`, `platform-admin`.
         */
        get: operations["listNationalAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/national/weekly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deret waktu mingguan / Weekly time series
         * @description Applications by channel, online share, completions and SLA compliance, appointment capacity and bookings per ISO week (Monday), nationally, per region or for one tenant. Every week of the range is present (at most 104): answered whole.
         *
         *     Roles: `ministry-analyst`, `platform-admin`.
         */
        get: operations["getNationalWeekly"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/national/tenants.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ekspor CSV semua tenant / CSV export of every tenant
         * @description The cockpit table as CSV (UTF-8 with BOM, CRLF, RFC 4180); shares as decimals 0–1. One row per tenant matching the filters, every one of them (never cut); aggregates only. Header: kode_wilayah, tenant, nama, provinsi, region, penduduk, status, tanggal_komitmen, batas_waktu, hari_menuju_batas, tanggal_peluncuran, tanggal_peresmian, layanan_aktif, layanan_direncanakan, progres_persiapan, permohonan_daring, permohonan_dibantu, permohonan_loket, permohonan_total, porsi_daring, selesai, kepatuhan_sla, terlambat, utilisasi_janji_temu, pengaduan_terbuka, pengaduan_terlambat, skm_responden, ikm, mutu_pelayanan, rollup_pada.
         *
         *     Roles: `ministry-analyst`, `platform-admin`.
         */
        get: operations["exportNationalTenantsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/national/weekly.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ekspor CSV deret mingguan / CSV export of the weekly series
         * @description The weekly series as CSV (UTF-8 with BOM, CRLF, RFC 4180): one row per week of the range, every week (never cut). Header: minggu_mulai, daring, dibantu, loket, total, porsi_daring, selesai, selesai_tepat_waktu, kepatuhan_sla, kapasitas_sesi, terpesan, hadir, utilisasi.
         *
         *     Roles: `ministry-analyst`, `platform-admin`.
         */
        get: operations["exportNationalWeeklyCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Indikator tenant sendiri / The tenant’s own indicators and alerts
         * @description What the ministry sees about this tenant: the same row, weekly series and alerts (aggregates only).
         *
         *     Roles: `tenant-admin`, `platform-admin`, `ministry-analyst` (member of the tenant).
         */
        get: operations["getTenantIndicators"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daftar pengaduan / Complaints
         * @description The coordinator sees all; an officer those routed to their agency; a citizen their own. Newest first, in pages: complaints filed while you page sort before your cursor, so every complaint that existed when you started is listed exactly once.
         *
         *     Roles: `citizen`, `officer`, `tenant-admin` (member of the tenant).
         */
        get: operations["listComplaints"];
        put?: never;
        /**
         * Sampaikan pengaduan, saran atau permintaan informasi / File a complaint, suggestion or information request
         * @description About the tenant, an installed service (routed to its plugin owner) or one of the citizen’s own applications. A counter officer files for a citizen with `complainant`. Verification is due in 3 hari kerja.
         *
         *     Roles: `citizen`, `officer` (member of the tenant).
         */
        post: operations["fileComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaints/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ekspor pengaduan (JSON Lines / CSV) / Export complaints
         * @description Every complaint filed in [from, to] (tenant-local dates, at most 366 days), oldest first, in one response: the period bounds the export, so it is neither paged nor ever cut. `format=jsonl` (default) answers application/x-ndjson, one ComplaintRecord per line (the schema of the webhook’s `complaint`); `format=csv` answers text/csv, a header row of the same fields in the same order, then one row per complaint. Holds complainants’ contact data (none for anonymous or confidential complaints: their identity never leaves the platform): coordinator only.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        get: operations["exportComplaints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaints/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statistik pengaduan / Complaint statistics
         * @description Counts only: by status, category and kind; overdue now; verified and answered on time (hari kerja); ratings; LAPOR! synced.
         *
         *     Roles: `tenant-admin`, `ministry-analyst`, `platform-admin` (member of the tenant).
         */
        get: operations["complaintStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statistik pengaduan per tenant (kementerian) / Complaint statistics per tenant (ministry)
         * @description The same counts for every tenant, from every region, in pages of tenants (Kemendagri code order). Aggregates only: the schema admits no other member.
         *
         *     Roles: `ministry-analyst`, `platform-admin`.
         */
        get: operations["nationalComplaintStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pengaduan dan utasnya / A complaint with its thread
         * @description The complaint, its deadlines (read now), its whole thread (internal notes only for staff), its attachments and what the caller may do now. No ETag: complaints change only through their actions, which the lifecycle checks against the current status.
         *
         *     Roles: `citizen`, `officer`, `tenant-admin` (member of the tenant).
         */
        get: operations["getComplaint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaints/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verifikasi dan disposisi (koordinator) / Verify and route (coordinator)
         * @description `forward` to the agency (default: the service’s plugin owner; the answer is due in the category’s hari kerja), `handle` by the coordinator, or `reject` with a `note`. A replay of the same Idempotency-Key answers the first result, only while the caller still has a relation to the complaint (else COMPLAINT_NOT_FOUND).
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        post: operations["verifyComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaints/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Kirim pesan di utas / Post to the thread
         * @description Staff may post `internal` notes (never shown to the citizen); the first public staff reply is the first response (due 3 hari kerja after routing). A replay of the same Idempotency-Key answers the first result, only while the caller still has a relation to the complaint (else COMPLAINT_NOT_FOUND).
         *
         *     Roles: `citizen`, `officer`, `tenant-admin` (member of the tenant).
         */
        post: operations["postComplaintMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaints/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Jawab pengaduan / Answer
         * @description The agency’s officers (when forwarded) or the coordinator. Opens the citizen’s reopen window (10 hari kerja). A replay of the same Idempotency-Key answers the first result, only while the caller still has a relation to the complaint (else COMPLAINT_NOT_FOUND).
         *
         *     Roles: `officer`, `tenant-admin` (member of the tenant).
         */
        post: operations["answerComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaints/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Nilai jawaban / Rate the answer
         * @description The complainant rates 1–5; this closes the complaint (it may still be reopened within the window). A replay of the same Idempotency-Key answers the first result, only while the caller still has a relation to the complaint (else COMPLAINT_NOT_FOUND).
         *
         *     Roles: `citizen`, `officer`, `tenant-admin` (member of the tenant).
         */
        post: operations["rateComplaintAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaints/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Buka kembali / Reopen
         * @description Within 10 hari kerja of the answer, at most twice; it returns to its handler with a new answer deadline. A replay of the same Idempotency-Key answers the first result, only while the caller still has a relation to the complaint (else COMPLAINT_NOT_FOUND).
         *
         *     Roles: `citizen`, `officer`, `tenant-admin` (member of the tenant).
         */
        post: operations["reopenComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaints/{id}/lapor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Nomor tiket dan status sinkron SP4N-LAPOR! / SP4N-LAPOR! tracking id and sync status
         * @description Set by the coordinator or the LAPOR! connector (a tenant-admin token); each call is also kept as an internal note in the thread.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        put: operations["setComplaintLapor"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaints/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Lampirkan berkas (badan mentah) / Attach a file (raw body)
         * @description The file itself is the body (not JSON, not multipart): PDF, PNG or JPEG, decided from the content whatever Content-Type says, at most 10 MB and 5 files per complaint; streamed to the tenant’s regional bucket. `?filename=` names it. Each call adds an attachment. A retry with the same Idempotency-Key and the same bytes answers the first attachment (another file under that key is IDEMPOTENCY_KEY_REUSED). A replay of the same Idempotency-Key answers the first result, only while the caller still has a relation to the complaint (else COMPLAINT_NOT_FOUND).
         *
         *     Roles: `citizen`, `officer`, `tenant-admin` (member of the tenant).
         */
        put: operations["attachToComplaint"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaints/{id}/attachments/{attachment}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tautan unduh lampiran / Attachment download link
         * @description Answers JSON, not the file: a presigned link to the object store, valid for two minutes, given after the access check. A GET of `url` answers the file itself with its stored media type (application/pdf, image/png or image/jpeg) and `Content-Disposition: attachment` with its filename (`lampiran.pdf|png|jpg` for a caller who may not see an anonymous or confidential complainant).
         *
         *     Roles: `citizen`, `officer`, `tenant-admin` (member of the tenant).
         */
        get: operations["getComplaintAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaint-webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Konfigurasi webhook pengaduan / Complaint webhook configuration
         * @deprecated
         * @description Never the secret: only its last four characters.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         *
         *     **Deprecated** since 2026-12-07, answers until 2027-06-07: The complaint webhook became a signed-events endpoint (Standard Webhooks 1.0, filter `complaint.*`); these routes read and write that endpoint. Use /api/v1/tenants/{tenant}/event-endpoints.
         */
        get: operations["getComplaintWebhook"];
        /**
         * Atur webhook pengaduan / Configure the complaint webhook
         * @deprecated
         * @description Deprecated: use the event endpoints (docs/webhooks.md). This reads and writes the tenant's endpoint migrated from the complaint webhook (filter `complaint.*`): it receives every complaint event as a thin Standard Webhooks event (EventPayload), signed with `webhook-signature`, plus the old X-Satupintu-Signature/-Timestamp/-Delivery headers until `legacyHeaders` is turned off on the endpoint. It must be a public address: private, loopback, link-local, cloud-metadata and other reserved addresses (in any spelling) and local names are refused here, and every address the name resolves to is checked again at each delivery (an attempt that cannot reach the target is logged as `target refused or unreachable`, nothing more). Switching it off (`active: false`) or changing `url` dead-letters the pending deliveries (requeue them on purpose). The secret is stored encrypted. Creating it (201) needs no If-Match; replacing it (200) quotes the ETag of your last read in If-Match (428 without, 412 when someone changed it meanwhile). The secret is answered only in the response that made it (creation, or `rotateSecret: true`); afterwards only its last four characters (`secretHint`).
         *
         *     Roles: `tenant-admin` (member of the tenant).
         *
         *     **Deprecated** since 2026-12-07, answers until 2027-06-07: The complaint webhook became a signed-events endpoint (Standard Webhooks 1.0, filter `complaint.*`); these routes read and write that endpoint. Use /api/v1/tenants/{tenant}/event-endpoints.
         */
        put: operations["configureComplaintWebhook"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaint-webhook/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ganti rahasia penandatangan webhook / Rotate the webhook signing secret
         * @deprecated
         * @description A new signing secret; the old one keeps signing (a second `webhook-signature`) for 24 hours, the legacy X-Satupintu-Signature uses only the new one: it is answered this once, in `secret`; afterwards only its last four characters. Quote the ETag of your last read in If-Match (428 without, 412 when someone changed the webhook meanwhile).
         *
         *     Roles: `tenant-admin` (member of the tenant).
         *
         *     **Deprecated** since 2026-12-07, answers until 2027-06-07: The complaint webhook became a signed-events endpoint (Standard Webhooks 1.0, filter `complaint.*`); these routes read and write that endpoint. Use /api/v1/tenants/{tenant}/event-endpoints.
         */
        post: operations["rotateComplaintWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaint-webhook/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Log pengiriman webhook / Webhook delivery log
         * @deprecated
         * @description Newest first, in pages (deliveries written while you page sort before your cursor). `status=dead` lists the dead letters.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         *
         *     **Deprecated** since 2026-12-07, answers until 2027-06-07: The complaint webhook became a signed-events endpoint (Standard Webhooks 1.0, filter `complaint.*`); these routes read and write that endpoint. Use /api/v1/tenants/{tenant}/event-endpoints.
         */
        get: operations["listComplaintWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaint-webhook/deliveries/{delivery}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Satu pengiriman dan percobaannya / One delivery with its attempts
         * @deprecated
         * @description Roles: `tenant-admin` (member of the tenant).
         *
         *     **Deprecated** since 2026-12-07, answers until 2027-06-07: The complaint webhook became a signed-events endpoint (Standard Webhooks 1.0, filter `complaint.*`); these routes read and write that endpoint. Use /api/v1/tenants/{tenant}/event-endpoints.
         */
        get: operations["getComplaintWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/complaint-webhook/deliveries/{delivery}/requeue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Antrekan ulang surat mati / Requeue a dead letter
         * @deprecated
         * @description Replays it as a fresh delivery of the same message (same `webhook-id`; answered here, with its own id). A delivery that is not dead, or replayed already, answers WEBHOOK_DELIVERY_NOT_DEAD. It goes to the current target; not while the webhook is switched off (WEBHOOK_INACTIVE).
         *
         *     Roles: `tenant-admin` (member of the tenant).
         *
         *     **Deprecated** since 2026-12-07, answers until 2027-06-07: The complaint webhook became a signed-events endpoint (Standard Webhooks 1.0, filter `complaint.*`); these routes read and write that endpoint. Use /api/v1/tenants/{tenant}/event-endpoints.
         */
        post: operations["requeueComplaintWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/personal-data-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Log akses data pribadi / Personal data access log
         * @description Who read which person’s data, what and why, in this tenant: every read of an application (and its files) or a complaint by an officer, operator or admin other than the person. Newest first, paged; filter by person (account or NIK, matched by digest), reader, role, purpose, record or time. An anonymous complainant is never named here, and a person filter never matches their entries. Tenant admin only.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        get: operations["listPersonalDataAccess"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/me/personal-data-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Siapa membaca data saya / Who read my data
         * @description Every recorded read of the caller’s data in this tenant by someone else, newest first: when, what, why, and who as role, agency and a stable pseudonym (`ref`) the tenant admin can name. Reads by the person themself are not recorded.
         *
         *     Roles: `citizen` (member of the tenant).
         */
        get: operations["listMyPersonalDataAccess"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/me/data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Unduh data saya / Download my data
         * @description Everything this tenant holds about the caller’s account, as one JSON document (UU 27/2022: access to and a copy of one’s data): the account as the identity provider vouches for it, applications (form data, timeline, document and output metadata), bookings, complaints (public thread, attachment metadata), SKM invitations, the access log of my data, and the retention schedule. Files are listed with the path that answers a download link. `download=true` answers it as an attachment. SKM answers are anonymous by design and cannot be tied back to anyone, so they are not in it.
         *
         *     Roles: `citizen` (member of the tenant).
         */
        get: operations["exportMyData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Jadwal retensi data / Data retention schedule
         * @description How long each kind of record is kept in this tenant, from when, what happens then, and on what basis (docs/privacy.md). Lines with `bounds` have a platform default the regency may replace (`setBy: regency`, with the `decree` it cites); the purge job applies the lines with a number of days every hour. Kept records (arsip) have no period here: they are destroyed only under the regency’s JRA, outside the platform.
         *
         *     Any signed-in caller.
         */
        get: operations["getRetentionSchedule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/retention/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Tetapkan masa retensi / Set a retention period
         * @description The tenant admin sets the period of one line (ditetapkan oleh regency) within its `bounds`, citing what it rests on (`basis`: its JRA, a Perbup…). The first setting needs no If-Match; changing it again quotes the ETag answered (428 without it, 412 when someone changed it meanwhile). Recorded in the audit trail.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        put: operations["setRetentionPeriod"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daftar jenis peristiwa / Event types
         * @description Every event type an endpoint may receive, with what it means and the ids its `data` carries (thin payloads: fetch details through the API).
         *
         *     Public: no token.
         */
        get: operations["listEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/event-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daftar endpoint peristiwa / Event endpoints
         * @description Never a secret: only its last four characters.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        get: operations["listEventEndpoints"];
        put?: never;
        /**
         * Buat endpoint peristiwa / Create an event endpoint
         * @description A receiver of signed events (Standard Webhooks 1.0, docs/webhooks.md). `eventTypes` filters by exact type or prefix (`complaint.*`; empty: every type); `agency` limits it to events about that agency. The URL must be a public address (https in production), checked again at every attempt. The signing secret (`whsec_…`) is answered this once.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        post: operations["createEventEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/event-endpoints/{endpoint}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Satu endpoint peristiwa / One event endpoint
         * @description Roles: `tenant-admin` (member of the tenant).
         */
        get: operations["getEventEndpoint"];
        put?: never;
        post?: never;
        /**
         * Hapus endpoint peristiwa / Delete an event endpoint
         * @description Its deliveries and their log go with it. Quote the ETag of your last read in If-Match.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        delete: operations["deleteEventEndpoint"];
        options?: never;
        head?: never;
        /**
         * Ubah endpoint peristiwa / Update an event endpoint
         * @description Quote the ETag of your last read in If-Match (428 without, 412 when stale). Switching it off or changing `url` dead-letters its pending deliveries (replay them on purpose); switching it on clears `disabledReason`.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        patch: operations["updateEventEndpoint"];
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/event-endpoints/{endpoint}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ganti rahasia endpoint / Rotate the endpoint secret
         * @description A new secret, answered this once. The previous one stays valid for 24 hours (`previousSecretUntil`): every attempt meanwhile carries both signatures in `webhook-signature`, so the receiver can switch without losing an event. Quote the ETag in If-Match.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        post: operations["rotateEventEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/event-endpoints/{endpoint}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pengiriman ke endpoint / Deliveries to an endpoint
         * @description Newest first, in pages. `status=dead` lists the dead letters (replay them).
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        get: operations["listEventEndpointDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/event-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pengiriman peristiwa tenant / The tenant’s event deliveries
         * @description Every endpoint’s deliveries, newest first, in pages; `status=dead` lists the tenant’s dead letters.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        get: operations["listEventDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/event-endpoints/{endpoint}/deliveries/{delivery}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Satu pengiriman dan percobaannya / One delivery with its attempts
         * @description The body it sends and every attempt (status code, error, duration, at most 200 characters of the answer).
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        get: operations["getEventDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/event-endpoints/{endpoint}/deliveries/{delivery}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Kirim ulang surat mati / Replay a dead letter
         * @description A fresh delivery of the same message (same `webhook-id`: receivers dedupe on it) with a new allowance of attempts. Audited. Not while the endpoint is off (EVENT_ENDPOINT_INACTIVE).
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        post: operations["replayEventDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/event-endpoints/{endpoint}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Kirim ulang semua surat mati / Replay every dead letter
         * @description Every dead delivery of the endpoint created since `since` and not replayed yet, as fresh deliveries (at most 1000 a call). Audited.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        post: operations["replayDeadEventDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/me/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Saluran pesan saya / My message channels
         * @description Where the regency may message you (WhatsApp, SMS, email), the consent recorded for each, and the exact statement you agree to per channel. Messages go to WhatsApp first, then SMS, then email — only on channels you agreed to.
         *
         *     Roles: `citizen` (member of the tenant).
         */
        get: operations["getMyContacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/me/contacts/{channel}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Atur saluran pesan dan persetujuan / Set a message channel and consent
         * @description Sets the number or address for a channel and records your consent (`consent: true`) or its withdrawal (`false`) in the consent ledger (UU 27/2022) with the time and method (web). A number someone else also uses is shown with `sharedWith`. Naming someone else’s number (a relative’s) is allowed: say whose in `label` and `relation`.
         *
         *     Roles: `citizen` (member of the tenant).
         */
        put: operations["setMyContact"];
        post?: never;
        /**
         * Berhenti menerima pesan di saluran ini / Stop messages on a channel
         * @description Withdraws consent (recorded in the ledger) and removes the number or address; queued messages on it are not sent.
         *
         *     Roles: `citizen` (member of the tenant).
         */
        delete: operations["removeMyContact"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pesan untuk saya / My messages
         * @description Every message the regency sent you (or kept in the web app when no channel was agreed), newest first, with its delivery state and status log. Filter by `application`.
         *
         *     Roles: `citizen` (member of the tenant).
         */
        get: operations["listMyNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/applications/{id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pesan tentang permohonan ini / Messages about this application
         * @description Every message about the application and its delivery state: for its applicant, and for the staff who may see it (addresses masked; the look is logged like a read).
         *
         *     Roles: `citizen`, `officer`, `village-operator`, `tenant-admin` (member of the tenant).
         */
        get: operations["listApplicationNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/applications/{id}/recipients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Penerima pesan permohonan / Who gets this application’s messages
         * @description The channels recorded for the application’s applicant, with consent and whether the number is shared by several people (a relative’s or the village operator’s).
         *
         *     Roles: `officer`, `village-operator`, `tenant-admin` (member of the tenant).
         */
        get: operations["listApplicationRecipients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/applications/{id}/recipients/{channel}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Catat saluran dan persetujuan di loket / Record a channel and consent at the counter
         * @description An officer or village operator records, for the application’s applicant, the number or address to message and the consent given in person (`counter`) or on paper (`paper`): the ledger keeps the officer who recorded it. The answer says whether the number is already used by other people (`sharedWith`, `flagged`): check with the applicant who reads it, and name that person in `label`.
         *
         *     Roles: `officer`, `village-operator`, `tenant-admin` (member of the tenant).
         */
        put: operations["setApplicationRecipient"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/contact-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Periksa nomor sebelum dicatat / Check a number before recording it
         * @description How many people’s messages already go to this number or address in this regency (no names). Several (≥ 2) means a shared phone: a relative’s or the village operator’s.
         *
         *     Roles: `officer`, `village-operator`, `tenant-admin` (member of the tenant).
         */
        get: operations["checkContactAddress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pengirim pesan regensi / The regency’s message senders
         * @description The regency’s own WhatsApp number, SMS sender ID, reply-to, staff addresses, quiet hours, daily caps and prices. Secrets are never answered, only whether each is set.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        get: operations["getNotificationSettings"];
        /**
         * Atur pengirim pesan / Configure the message senders
         * @description Replaces the settings (If-Match with the ETag you read; none needed the first time). WhatsApp secrets (access token, app secret, verify token) are write-only and stored encrypted; leaving one out keeps it. Point Meta’s webhook at `whatsapp.callbackUrl` with the verify token (GET …/notification-settings/verify-token). Prices are configuration: IDR per billable unit per channel and category.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        put: operations["configureNotificationSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/notification-settings/verify-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Token verifikasi webhook WhatsApp / WhatsApp webhook verify token
         * @description The token to paste in Meta’s app dashboard with the callback URL (the handshake echoes Meta’s challenge only when it matches).
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        get: operations["getWhatsAppVerifyToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pesan terkirim / Messages sent
         * @description Every message of the regency, newest first, with its status log; addresses masked. Filter by status, channel or event.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Satu pesan / One message
         * @description Roles: `tenant-admin` (member of the tenant).
         */
        get: operations["getNotification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/notification-usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pemakaian dan biaya pesan / Message usage and cost
         * @description Messages, deliveries, failures, billable units and cost per channel and category between two local dates (`to` exclusive; default the last 30 days). Cost follows the regency’s configured prices.
         *
         *     Roles: `tenant-admin` (member of the tenant).
         */
        get: operations["getNotificationUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/notification-callbacks/whatsapp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Jabat tangan webhook WhatsApp / WhatsApp webhook handshake
         * @description Meta’s GET with `hub.mode=subscribe`, `hub.verify_token` and `hub.challenge`: the challenge is echoed (text/plain) only when the token matches the regency’s.
         *
         *     Public: no token.
         */
        get: operations["verifyWhatsAppCallback"];
        put?: never;
        /**
         * Laporan status WhatsApp / WhatsApp status reports
         * @description Meta’s webhook: status reports (sent, delivered, read, failed) and inbound messages (which open the 24-hour service window; they are not consent). Verified with `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the app secret); refused otherwise.
         *
         *     Public: no token.
         */
        post: operations["receiveWhatsAppCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/notification-callbacks/sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Laporan kiriman SMS / SMS delivery report
         * @description The aggregator’s delivery report (DLR), verified with `X-Aggregator-Signature` (sha256=<hex HMAC of the raw body with SMS_CALLBACK_SECRET>).
         *
         *     Public: no token.
         */
        post: operations["receiveSmsReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Katalog jenis masalah / The problem catalog
         * @description Every problem code the API answers, with its status and what a client can do. A fixed reference list, answered whole.
         *
         *     Public: no token.
         */
        get: operations["listProblemTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/problems/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Satu jenis masalah / One problem type
         * @description The page a problem’s `type` points at.
         *
         *     Public: no token.
         */
        get: operations["getProblemType"];
        put?: never;
        post?: never;
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
        /** @description RFC 9457 problem details. `title`/`detail` follow Accept-Language (Bahasa Indonesia by default); `i18n` carries both languages. */
        Problem: {
            /**
             * Format: uri-reference
             * @description The problem type: its page in GET /api/v1/problems/{code}
             */
            type: string;
            title: string;
            status: number;
            detail?: string;
            /** @description The request path */
            instance: string;
            /** @description Stable error code (never renamed) */
            code: string;
            requestId?: string;
            i18n: {
                id: components["schemas"]["ProblemText"];
                en: components["schemas"]["ProblemText"];
            };
            /** @description The fields at fault */
            errors?: {
                /** @description RFC 6901 JSON pointer into the request (`/path/…`, `/query/…`, `/headers/…`, or the body) */
                pointer: string;
                message: components["schemas"]["LocalizedText"];
            }[];
        } & {
            [key: string]: unknown;
        };
        ProblemText: {
            title: string;
            detail?: string;
        };
        LocalizedText: {
            id: string;
            en: string;
        };
        IdentityMembership: {
            /** @enum {unknown} */
            role: "tenant-admin" | "village-operator";
            tenant: string;
        } | {
            /** @constant */
            role: "officer";
            tenant: string;
            agency: string;
        } | {
            /** @constant */
            role: "agency-publisher";
            agency: string;
        } | {
            /** @enum {unknown} */
            role: "ministry-analyst" | "platform-admin";
        };
        Me: {
            /** @description The stable id of the account (token `sub`) */
            subject: string;
            username: string;
            /** @description Display name, when the account has one */
            name?: string;
            /** @description Platform roles of the realm */
            roles: ("citizen" | "officer" | "village-operator" | "tenant-admin" | "agency-publisher" | "ministry-analyst" | "platform-admin")[];
            /** @description Where each scoped role applies */
            memberships: components["schemas"]["IdentityMembership"][];
        };
        PlatformRegion: {
            /** @description Region id, e.g. id-jakarta */
            id: string;
            /** @description Display name */
            name: string;
            /** @description Tenants whose home region it is */
            tenantCount: number;
        };
        PlatformRegionList: {
            /** @description Every region the platform runs (a handful of data cells) */
            items: components["schemas"]["PlatformRegion"][];
        };
        Regency: {
            /** @description Kemendagri code, e.g. 32.17 */
            code: string;
            /** @description e.g. Kabupaten Bandung Barat */
            name: string;
            provinceCode: string;
            provinceName: string;
            /** @description IANA zone: Asia/Jakarta, Asia/Pontianak, Asia/Makassar or Asia/Jayapura */
            timeZone: string;
            population: number;
        };
        Tenant: {
            /** Format: uuid */
            id: string;
            slug: string;
            code: string;
            name: string;
            provinceCode: string;
            provinceName: string;
            timeZone: string;
            population: number;
            homeRegion: string;
            /** @enum {unknown} */
            mppStatus: "proposed" | "committed" | "preparing" | "trial" | "launched" | "inaugurated" | "operating";
            committedOn: string | null;
            deadline: string | null;
            launchedOn: string | null;
            inauguratedOn: string | null;
            modelTenant: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreatedTenant: {
            /** Format: uuid */
            id: string;
            slug: string;
            code: string;
            name: string;
            provinceCode: string;
            provinceName: string;
            timeZone: string;
            population: number;
            homeRegion: string;
            /** @enum {unknown} */
            mppStatus: "proposed" | "committed" | "preparing" | "trial" | "launched" | "inaugurated" | "operating";
            committedOn: string | null;
            deadline: string | null;
            launchedOn: string | null;
            inauguratedOn: string | null;
            modelTenant: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            kajiTiru?: {
                model: string;
                /** @description The maklumat template copied from the model */
                template: unknown;
            };
        };
        TenantSettings: {
            /** @description Browser origins (`https://host[:port]`) that may call this tenant’s API paths, e.g. the regency’s own portal */
            allowedOrigins: string[];
        };
        AuditEvent: {
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description When the change committed
             */
            at: string;
            /** @description Username of the staff member (or `system` for jobs) */
            actor: string;
            /** @description What was done, e.g. tenant.settings, skm.followup.closed */
            action: string;
            /** @description What it was done to, e.g. `tenant:<id>`, `skm-followup:<id>` */
            subject: string | null;
            /** @description What changed, as the module recorded it (its members depend on `action`) */
            data: {
                [key: string]: unknown;
            };
        };
        PluginVersionSummary: {
            /** @description Semantic version, e.g. 1.0.0 */
            version: string;
            /** @description SHA-256 of the canonical manifest: a version’s identity */
            contentHash: string;
            /** Format: date-time */
            publishedAt: string;
            /** @description Services in this version */
            services: number;
        };
        PluginSummary: {
            /** @description Plugin id, e.g. dukcapil */
            id: string;
            agency: {
                /** @description Agency code, e.g. imigrasi */
                code: string;
                name: {
                    id: string;
                    en: string;
                };
                /**
                 * @description `vertical`: a national agency with offices in the regions; `regional`: a regency’s own office
                 * @enum {unknown}
                 */
                kind: "vertical" | "regional";
            };
            /** @description Semantic version, e.g. 1.0.0 */
            latest: string;
            /** @description The plugin’s release history, newest first (semver order), answered whole: one entry per published version */
            versions: components["schemas"]["PluginVersionSummary"][];
        };
        /** @description Text for people, Bahasa Indonesia first, English second. */
        ManifestLocalizedText: {
            /** @description Bahasa Indonesia. */
            id: string;
            /** @description English. */
            en: string;
        };
        /** @description The publishing agency (instansi). */
        ManifestAgency: {
            /** @description Agency code used in memberships and URLs, e.g. `dukcapil`, `polri`, `imigrasi`. */
            code: string;
            /** @description Official agency name. */
            name: components["schemas"]["ManifestLocalizedText"];
            /**
             * @description `vertical`: a national agency whose requirements and fees are nationally locked (Polri, Imigrasi, BPN, DJP, BPJS, Taspen); `regional`: a regency-owned office with national defaults (Disdukcapil, Bapenda, DPMPTSP).
             * @enum {unknown}
             */
            kind: "vertical" | "regional";
            /** @description Ministry or body the agency belongs to, e.g. Kementerian Dalam Negeri. */
            parent?: components["schemas"]["ManifestLocalizedText"];
            /**
             * Format: uri
             * @description Official website.
             */
            website?: string;
        };
        /** @description The application form: a JSON Schema 2020-12 for the data, and hints for rendering it. */
        ManifestForm: {
            /** @description JSON Schema 2020-12 of the form data (an object). Only local `$ref`s; `format` may name an Indonesian identifier: nik, nkk, npwp, phone-id, postal-code-id, nop, kbli, nip, nib-usaha, nib-bidang. Conditional rules use if/then. */
            schema: Record<string, never>;
            /** @description Rendering hints. */
            ui: {
                /** @description Top-level fields in display order (every property of the schema). */
                order: string[];
                /** @description Label of every field, by JSON pointer into the data (e.g. `/nik`, `/anggota/items/nik`) or top-level name. */
                labels: {
                    [key: string]: components["schemas"]["ManifestLocalizedText"];
                };
                /** @description Help text shown under a field, by field name. */
                help?: {
                    [key: string]: components["schemas"]["ManifestLocalizedText"];
                };
                /** @description Widget per field: text, textarea, select, radio, checkbox, date, number, phone, email. */
                widgets?: {
                    [key: string]: "text" | "textarea" | "select" | "radio" | "checkbox" | "date" | "number" | "phone" | "email" | "hidden";
                };
            };
            /** @description Which fields carry the applicant's NIK and the data it can be checked against (birth date, sex, domicile). The officer sees the decoded NIK; disagreements are flagged. */
            identity?: {
                /** @description JSON pointer of the field holding the applicant's NIK (a string field with `format: nik`), e.g. `/nik`. */
                nik: string;
                /** @description JSON pointer of the applicant's date of birth (`format: date`): checked against the NIK's DDMMYY. */
                birthDate?: string;
                /** @description JSON pointer of the applicant's sex: checked against the NIK (day + 40 for women). */
                sex?: string;
                /** @description The values the sex field uses. Without it: laki-laki/perempuan, L/P, pria/wanita. */
                sexValues?: {
                    /** @description The option meaning male (laki-laki). */
                    male: string;
                    /** @description The option meaning female (perempuan). */
                    female: string;
                };
                /** @description JSON pointer of a field naming the regency/city of domicile (Kemendagri code `32.17` or name). A difference is always only a warning: the NIK keeps the region where it was first issued. */
                domicile?: string;
                /**
                 * @description warn (default): a birth date or sex that disagrees with the NIK is shown to the officer and the applicant; block: it refuses the submission (422) until corrected.
                 * @default warn
                 * @enum {unknown}
                 */
                onMismatch: "warn" | "block";
            };
        };
        /** @description A required or optional document (component 1). */
        ManifestDocument: {
            /** @description Document code, unique within the service, e.g. `kk`. */
            code: string;
            /** @description Document name as on the requirement list. */
            name: components["schemas"]["ManifestLocalizedText"];
            /** @description Accepted media types, checked by magic bytes, not the file name. */
            accept: ("application/pdf" | "image/jpeg" | "image/png")[];
            /** @description Largest file, in megabytes. */
            maxSizeMb: number;
            /** @description Fewest files (0 makes the document optional unless `requiredWhen` holds). */
            minCount: number;
            /** @description Most files. */
            maxCount: number;
            /** @description JSON Schema over the form data: the document is required when the data matches it (e.g. only when `alasan` is `hilang`). */
            requiredWhen?: Record<string, never>;
            /** @description Accept another service's output instead of an upload (a journey, e.g. the Polri loss report into the KTP-el replacement). */
            fromService?: {
                /** @description Plugin id of the issuing service. */
                plugin: string;
                /** @description Service code of the issuing service. */
                service: string;
                /** @description Output code of that service. */
                output: string;
                /** @description Oldest acceptable output, in calendar days since it was issued. */
                maxAgeDays: number;
            };
        };
        /** @description A duration. */
        ManifestDuration: {
            /** @description Amount. */
            value: number;
            /**
             * @description `minutes`, `hours` or `working-days` (hari kerja: weekends, holidays and cuti bersama excluded).
             * @enum {unknown}
             */
            unit: "minutes" | "hours" | "working-days";
        };
        /** @description An SOP state. */
        ManifestState: {
            /** @description State name shown on the citizen's timeline. */
            name: components["schemas"]["ManifestLocalizedText"];
            /** @description No action leaves this state (completed, rejected, withdrawn). */
            terminal?: boolean;
            /**
             * @description For terminal states: how the service ended.
             * @enum {unknown}
             */
            outcome?: "completed" | "rejected" | "withdrawn";
            /** @description Time allowed in this step. */
            sla?: components["schemas"]["ManifestDuration"];
            /**
             * @description Who works in this state (shown in the procedure): a role.
             * @enum {unknown}
             */
            actor?: "citizen" | "officer" | "village-operator" | "tenant-admin" | "system";
            /** @description A message the applicant gets (WhatsApp, SMS or email, by their consent) when their application enters this state, e.g. "Berkas ((trackingCode)) sudah diverifikasi". Placeholders: ((trackingCode)), ((service)), ((state)); others are refused at publication. Entering a state worked by the citizen, completion and rejection already notify. */
            notify?: components["schemas"]["ManifestLocalizedText"];
        };
        /** @description An SOP action. */
        ManifestAction: {
            /** @description Action code, e.g. `verify`, `return`, `approve`, `reject`, `issue`. */
            code: string;
            /** @description Button label. */
            name: components["schemas"]["ManifestLocalizedText"];
            /** @description States the action may start from. */
            from: string[];
            /** @description Resulting state. */
            to: string;
            /** @description Roles allowed to take it (an officer must serve this plugin's agency at the tenant). */
            roles: ("citizen" | "officer" | "village-operator" | "tenant-admin")[];
            /** @description JSON Schema over the application data that must hold for the action to be allowed. */
            guard?: Record<string, never>;
            /**
             * @description Whether the actor must write a comment (e.g. when returning a file).
             * @enum {unknown}
             */
            comment?: "required" | "optional" | "none";
            /** @description Output codes this action issues. */
            issues?: string[];
        };
        /** @description Component 2 (sistem, mekanisme dan prosedur): a state machine. Each action moves an application from one of `from` to `to`, by one of `roles`. */
        ManifestSop: {
            /** @description State of a newly submitted application. */
            initial: string;
            /** @description States by code. */
            states: {
                [key: string]: components["schemas"]["ManifestState"];
            };
            /** @description Actions officers (or the citizen) take. */
            actions: components["schemas"]["ManifestAction"][];
            /** @description Whether this agency staffs its counter on cuti bersama, so those days count toward SLAs. */
            cutiBersamaIsWorkingDay?: boolean;
        };
        /** @description Component 4 (biaya/tarif). */
        ManifestFee: {
            /**
             * @description `free` (tidak dipungut biaya), `fixed` (one amount), `table` (choose an item), `formula` (computed, see `formula`).
             * @enum {unknown}
             */
            kind: "free" | "fixed" | "table" | "formula";
            /** @description Amount in rupiah for `fixed`. */
            amount?: number;
            /** @description Priced options for `table`. */
            items?: {
                /** @description Item code. */
                code: string;
                /** @description Item name. */
                name: components["schemas"]["ManifestLocalizedText"];
                /** @description Rupiah. */
                amount: number;
            }[];
            /** @description For `formula`: a named formula and its text. */
            formula?: {
                /** @description Formula identifier, e.g. `bpn.pp128-2015.peralihan`. */
                ref: string;
                /** @description The formula as people read it. */
                text: components["schemas"]["ManifestLocalizedText"];
            };
            /** @description Regulation setting the fee (PP, Perda…), or the law making it free. */
            legalBasis: string;
            /** @description True when the fee is set nationally and a regency may not change it. */
            locked: boolean;
            /** @description Extra information (payment channels, fines). */
            note?: components["schemas"]["ManifestLocalizedText"];
        };
        /** @description A product of the service. */
        ManifestOutput: {
            /** @description Output code, e.g. `sktlk`, `ktp-el`. */
            code: string;
            /** @description Product name. */
            name: components["schemas"]["ManifestLocalizedText"];
            /**
             * @description `document` (a PDF the platform stores), `physical` (card, booklet handed over), `external` (issued by a national system, e.g. OSS).
             * @enum {unknown}
             */
            kind: "document" | "physical" | "external";
            /** @description How long the product is valid, in days (absent: no expiry). */
            validityDays?: number;
            /**
             * @description How it is signed.
             * @enum {unknown}
             */
            signature?: "tte" | "wet" | "none";
        };
        /** @description A component given as text by the agency, or left to the regency (`tenantProvided`), optionally with a default. */
        ManifestTextComponent: {
            /** @description The component's content, one entry per point. */
            text?: components["schemas"]["ManifestLocalizedText"][];
            /** @description The regency fills it in its overlay (e.g. facilities of its building). */
            tenantProvided?: boolean;
        } | {
            text: unknown;
        } | {
            /**
             * @description Must be true in this branch.
             * @constant
             */
            tenantProvided: true;
        };
        /** @description The remaining components of the standar pelayanan (UU 25/2009 Pasal 21; PermenPANRB 15/2014). Components 1–5 come from documents, sop, sla, fee and outputs. */
        ManifestStandard: {
            /** @description Component 6: penanganan pengaduan, saran dan masukan (channels, SP4N-LAPOR!). */
            complaints: components["schemas"]["ManifestTextComponent"];
            /** @description Component 7: dasar hukum. */
            legalBasis: components["schemas"]["ManifestTextComponent"];
            /** @description Component 8: sarana, prasarana dan/atau fasilitas (usually the regency's). */
            facilities: components["schemas"]["ManifestTextComponent"];
            /** @description Component 9: kompetensi pelaksana. */
            competency: components["schemas"]["ManifestTextComponent"];
            /** @description Component 10: pengawasan internal. */
            supervision: components["schemas"]["ManifestTextComponent"];
            /** @description Component 11: jumlah pelaksana (usually the regency's). */
            staffing: components["schemas"]["ManifestTextComponent"];
            /** @description Component 12: jaminan pelayanan. */
            serviceGuarantee: components["schemas"]["ManifestTextComponent"];
            /** @description Component 13: jaminan keamanan dan keselamatan pelayanan. */
            safetyGuarantee: components["schemas"]["ManifestTextComponent"];
            /** @description Component 14: evaluasi kinerja pelaksana. */
            performanceEvaluation: components["schemas"]["ManifestTextComponent"];
        };
        /** @description Appointments: when the service needs a booked session. */
        ManifestSchedule: {
            /** @description Whether a citizen must book a session. */
            appointmentRequired: boolean;
            /** @description Default weekly sessions (a regency may overlay them when `schedule` is overlayable). */
            sessions: {
                /** @description Weekdays. */
                days: ("MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT" | "SUN")[];
                /** @description Local start time HH:MM (tenant time zone). */
                start: string;
                /** @description Local end time HH:MM. */
                end: string;
                /** @description People per session. */
                capacity: number;
            }[];
            /** @description Share of each session's capacity bookable online (the rest is for walk-ins), 0–1. */
            onlineShare?: number;
        };
        /** @description One public service. */
        ManifestService: {
            /** @description Service code, unique within the plugin, e.g. `ktpel-penggantian`. Its folder under services/ has the same name. */
            code: string;
            /** @description Service name as citizens know it, e.g. Penggantian KTP-el. */
            name: components["schemas"]["ManifestLocalizedText"];
            /** @description One or two sentences on what the service gives the citizen. */
            summary: components["schemas"]["ManifestLocalizedText"];
            /**
             * @description `perizinan` (a licence or permit) or `non-perizinan` (a document, registration, information).
             * @enum {unknown}
             */
            category: "perizinan" | "non-perizinan";
            /** @description Search words citizens use (e.g. `ktp hilang`). */
            keywords?: string[];
            /** @description How the service can be requested: `online` (by the citizen), `assisted` (online, filed by an officer or village operator with the citizen's consent), `counter` (at the gerai). */
            channels: ("online" | "assisted" | "counter")[];
            /** @description The application form: a JSON Schema 2020-12 for the data, and hints for rendering it. */
            form: components["schemas"]["ManifestForm"];
            /** @description Component 1 (persyaratan): the documents the citizen provides. */
            documents: components["schemas"]["ManifestDocument"][];
            /** @description Component 2 (sistem, mekanisme dan prosedur): a state machine. Each action moves an application from one of `from` to `to`, by one of `roles`. */
            sop: components["schemas"]["ManifestSop"];
            /** @description Component 3 (jangka waktu penyelesaian): the overall time to complete, from the working day after a complete file is accepted. */
            sla: components["schemas"]["ManifestDuration"];
            /** @description Component 4 (biaya/tarif). */
            fee: components["schemas"]["ManifestFee"];
            /** @description Component 5 (produk pelayanan): what the service issues. Other services may take an output as a document (journeys). */
            outputs: components["schemas"]["ManifestOutput"][];
            /** @description The remaining components of the standar pelayanan (UU 25/2009 Pasal 21; PermenPANRB 15/2014). Components 1–5 come from documents, sop, sla, fee and outputs. */
            standard: components["schemas"]["ManifestStandard"];
            /** @description Appointments: when the service needs a booked session. */
            schedule?: components["schemas"]["ManifestSchedule"];
            /** @description What a regency may set for its own MPP. Anything not listed is fixed by the plugin. A locked fee can never be overlaid. */
            overlayable: ("counter" | "contact" | "openingHours" | "schedule" | "fee" | "facilities" | "staffing" | "competency" | "supervision")[];
        };
        /**
         * Satupintu agency plugin manifest
         * @description An agency's public services as data: forms, required documents, SOP, SLA, fees, schedules and the 14 components of the standar pelayanan. This is the assembled manifest: plugin.json plus services/<code>/{service.json, form.schema.json, sop.json}.
         */
        PluginManifest: {
            /** @description Editor hint: path or URL of this meta-schema. */
            $schema?: string;
            /** @description Plugin id, unique in the registry, e.g. `dukcapil`. Lowercase letters, digits and hyphens. */
            id: string;
            /** @description Semantic version of this release (https://semver.org). Published versions are immutable: a change needs a higher version. */
            version: string;
            /** @description Semver range of Satupintu platform versions this plugin works with, e.g. `>=0.1.0 <1.0.0`. */
            host: string;
            /** @description The publishing agency (instansi). */
            agency: components["schemas"]["ManifestAgency"];
            /** @description The services this plugin offers. In plugin.json: the list of service codes, each a folder under services/. */
            services: components["schemas"]["ManifestService"][];
        };
        PluginVersion: {
            /** @description Plugin id, e.g. dukcapil */
            pluginId: string;
            /** @description Semantic version, e.g. 1.0.0 */
            version: string;
            /** @description SHA-256 of the canonical manifest: a version’s identity */
            contentHash: string;
            manifest: components["schemas"]["PluginManifest"];
            /** Format: date-time */
            publishedAt: string;
            /** @description Who published it */
            publishedBy: string;
        };
        PluginPublication: {
            /** @description Plugin id, e.g. dukcapil */
            pluginId: string;
            /** @description Semantic version, e.g. 1.0.0 */
            version: string;
            /** @description SHA-256 of the canonical manifest: a version’s identity */
            contentHash: string;
            /** Format: date-time */
            publishedAt: string;
            publishedBy: string;
        };
        PluginLintReport: {
            /** @description True when the manifest passes every check and could be published as it is */
            ok: boolean;
            /** @description Every problem found, in both languages, with where it is */
            issues: {
                /** @description JSON pointer into the manifest */
                pointer: string;
                message: {
                    id: string;
                    en: string;
                };
            }[];
            /** @description The content hash the manifest would be published under; null while it has problems */
            contentHash: string | null;
            /** @description True when this version number is already published (publishing it again works only with identical content) */
            published: boolean;
        };
        /** @description What a regency sets for one installed service. Each key must be listed in the service's `overlayable`. */
        ServiceOverlay: {
            /** @description The gerai (counter) serving it at the MPP. */
            counter?: {
                /** @description Counter name, e.g. Gerai Disdukcapil. */
                name: string;
                /** @description Counter number or code shown on signs, e.g. 3 or A-3. */
                number?: string;
                /** @description Floor or area. */
                floor?: string;
            };
            /** @description Local contact for this service. */
            contact?: {
                /** @description Phone or WhatsApp number. */
                phone?: string;
                /**
                 * Format: email
                 * @description Email.
                 */
                email?: string;
                /** @description Extra contact information. */
                note?: components["schemas"]["ManifestLocalizedText"];
            };
            /** @description When the counter serves this service (tenant time zone). */
            openingHours?: {
                /** @description Weekdays. */
                days: ("MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT" | "SUN")[];
                /** @description Opening time HH:MM. */
                open: string;
                /** @description Closing time HH:MM. */
                close: string;
            }[];
            /** @description The regency's own sessions and quota (e.g. Tue/Thu, 20 people each). */
            schedule?: components["schemas"]["ManifestSchedule"];
            /** @description The regency's fee (only for fees the plugin leaves unlocked, e.g. a Perda late fine). */
            fee?: components["schemas"]["ManifestFee"];
            /** @description Component 8 for this MPP. */
            facilities?: components["schemas"]["ManifestTextComponent"];
            /** @description Component 11 for this MPP. */
            staffing?: components["schemas"]["ManifestTextComponent"];
            /** @description Component 9 for this MPP. */
            competency?: components["schemas"]["ManifestTextComponent"];
            /** @description Component 10 for this MPP. */
            supervision?: components["schemas"]["ManifestTextComponent"];
        };
        Installation: {
            /** @description Plugin id, e.g. imigrasi */
            plugin: string;
            /** @description The pinned version */
            version: string;
            /** @description Content hash of the pinned version */
            contentHash: string;
            /** Format: date-time */
            installedAt: string;
            /**
             * Format: date-time
             * @description Last move to another version
             */
            updatedAt: string;
            installedBy: string;
            /** @description The regency’s overlay per service code (only services that have one) */
            overlays: {
                [key: string]: components["schemas"]["ServiceOverlay"];
            };
        };
        InstallationChange: {
            /**
             * @description What the call did (`unchanged`: it was already pinned to this version)
             * @enum {unknown}
             */
            action: "installed" | "upgraded" | "downgraded" | "unchanged";
            /** @description Plugin id, e.g. imigrasi */
            plugin: string;
            /** @description The pinned version */
            version: string;
            /** @description Content hash of the pinned version */
            contentHash: string;
            /** Format: date-time */
            installedAt: string;
            /**
             * Format: date-time
             * @description Last move to another version
             */
            updatedAt: string;
            installedBy: string;
            /** @description The regency’s overlay per service code (only services that have one) */
            overlays: {
                [key: string]: components["schemas"]["ServiceOverlay"];
            };
        };
        InstallationEvent: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            at: string;
            actor: string;
            /** @description `plugin.installed`, `plugin.upgraded`, `plugin.downgraded`, `plugin.uninstalled` (data: plugin, from, to, contentHash), `plugin.overlay.set` (data: plugin, service, version, from, to: the overlays), `standard.published`, `standard.withdrawn` (data: the SK) */
            action: string;
            /** @description `plugin:<id>` or `service:<plugin>.<service>` */
            subject: string;
            /** @description What changed, as the audit trail recorded it (see `action`) */
            data: {
                [key: string]: unknown;
            };
        };
        /** @description A service as the tenant offers it, with the six published components of the standar pelayanan */
        CatalogService: {
            /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
            id: string;
            plugin: string;
            /** @description The plugin version this tenant runs */
            version: string;
            code: string;
            name: {
                id: string;
                en: string;
            };
            summary: {
                id: string;
                en: string;
            };
            /** @enum {unknown} */
            category: "perizinan" | "non-perizinan";
            channels: ("online" | "assisted" | "counter")[];
            keywords: string[];
            agency: {
                code: string;
                name: {
                    id: string;
                    en: string;
                };
                /** @enum {unknown} */
                kind: "vertical" | "regional";
            };
            /** @description The gerai (counter) serving it at the MPP */
            counter?: {
                name: string;
                number?: string;
                floor?: string;
            };
            contact?: {
                phone?: string;
                email?: string;
                note?: {
                    id: string;
                    en: string;
                };
            };
            /** @description When the counter serves it (tenant time zone) */
            openingHours?: {
                days: ("MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT" | "SUN")[];
                /** @description Local time HH:MM */
                open: string;
                /** @description Local time HH:MM */
                close: string;
            }[];
            appointmentRequired: boolean;
            schedule?: {
                appointmentRequired: boolean;
                sessions: {
                    days: ("MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT" | "SUN")[];
                    /** @description Local time HH:MM */
                    start: string;
                    /** @description Local time HH:MM */
                    end: string;
                    capacity: number;
                }[];
                /** @description Share of each session bookable online */
                onlineShare?: number;
            };
            standard: {
                number: number;
                key: string;
                name: {
                    id: string;
                    en: string;
                };
                text: {
                    id: string;
                    en: string;
                }[];
            }[];
        };
        ServiceCatalog: {
            tenant: {
                slug: string;
                name: string;
                timeZone: string;
            };
            /** @description Every installed service (or those matching the filters) */
            items: components["schemas"]["CatalogService"][];
        };
        /** @description A service as the catalog list shows it: name, summary, category, agency (the standar pelayanan is on the service itself) */
        CatalogServiceSummary: {
            /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
            id: string;
            code: string;
            name: {
                id: string;
                en: string;
            };
            summary: {
                id: string;
                en: string;
            };
            /** @enum {unknown} */
            category: "perizinan" | "non-perizinan";
            channels: ("online" | "assisted" | "counter")[];
            keywords: string[];
            agency: {
                code: string;
                name: {
                    id: string;
                    en: string;
                };
                /** @enum {unknown} */
                kind: "vertical" | "regional";
            };
            appointmentRequired: boolean;
        };
        ServiceCatalogSummary: {
            tenant: {
                slug: string;
                name: string;
                timeZone: string;
            };
            /** @description Every installed service */
            items: components["schemas"]["CatalogServiceSummary"][];
        };
        /** @description One service in full: all 14 components of the standar pelayanan, documents, form, SLA, fee, outputs and SOP states */
        ServiceDetail: {
            /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
            id: string;
            plugin: string;
            /** @description The plugin version this tenant runs */
            version: string;
            code: string;
            name: {
                id: string;
                en: string;
            };
            summary: {
                id: string;
                en: string;
            };
            /** @enum {unknown} */
            category: "perizinan" | "non-perizinan";
            channels: ("online" | "assisted" | "counter")[];
            keywords: string[];
            agency: {
                code: string;
                name: {
                    id: string;
                    en: string;
                };
                /** @enum {unknown} */
                kind: "vertical" | "regional";
            };
            /** @description The gerai (counter) serving it at the MPP */
            counter?: {
                name: string;
                number?: string;
                floor?: string;
            };
            contact?: {
                phone?: string;
                email?: string;
                note?: {
                    id: string;
                    en: string;
                };
            };
            /** @description When the counter serves it (tenant time zone) */
            openingHours?: {
                days: ("MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT" | "SUN")[];
                /** @description Local time HH:MM */
                open: string;
                /** @description Local time HH:MM */
                close: string;
            }[];
            appointmentRequired: boolean;
            schedule?: {
                appointmentRequired: boolean;
                sessions: {
                    days: ("MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT" | "SUN")[];
                    /** @description Local time HH:MM */
                    start: string;
                    /** @description Local time HH:MM */
                    end: string;
                    capacity: number;
                }[];
                /** @description Share of each session bookable online */
                onlineShare?: number;
            };
            standard: {
                number: number;
                key: string;
                name: {
                    id: string;
                    en: string;
                };
                text: {
                    id: string;
                    en: string;
                }[];
            }[];
            /** @description The content hash of the plugin version (published versions are immutable) */
            contentHash: string;
            /** @description Whether all 14 components are filled */
            standardComplete: boolean;
            documents: {
                code: string;
                name: {
                    id: string;
                    en: string;
                };
                accept: ("application/pdf" | "image/jpeg" | "image/png")[];
                maxSizeMb: number;
                minCount: number;
                maxCount: number;
                /** @description JSON Schema over the form data: the document is required when the data matches */
                requiredWhen?: {
                    [key: string]: unknown;
                };
                /** @description May be the output of another service (e.g. the police report for a lost KTP) */
                fromService?: {
                    plugin: string;
                    service: string;
                    output: string;
                    maxAgeDays: number;
                };
            }[];
            form: {
                /** @description The form’s JSON Schema 2020-12, as the plugin publishes it */
                schema: {
                    [key: string]: unknown;
                };
                ui: {
                    order: string[];
                    labels: {
                        [key: string]: {
                            id: string;
                            en: string;
                        };
                    };
                    help?: {
                        [key: string]: {
                            id: string;
                            en: string;
                        };
                    };
                    widgets?: {
                        [key: string]: string;
                    };
                };
                /** @description Which fields carry the NIK and what it is checked against (JSON pointers into the form data; docs/plugins.md §3) */
                identity?: {
                    nik: string;
                    birthDate?: string;
                    sex?: string;
                    sexValues?: {
                        male: string;
                        female: string;
                    };
                    domicile?: string;
                    /** @enum {unknown} */
                    onMismatch?: "warn" | "block";
                };
            };
            sla: {
                value: number;
                /** @enum {unknown} */
                unit: "minutes" | "hours" | "working-days";
            };
            fee: {
                /** @enum {unknown} */
                kind: "free" | "fixed" | "table" | "formula";
                /** @description Rupiah, for `fixed` */
                amount?: number;
                items?: {
                    code: string;
                    name: {
                        id: string;
                        en: string;
                    };
                    amount: number;
                }[];
                formula?: {
                    ref: string;
                    text: {
                        id: string;
                        en: string;
                    };
                };
                legalBasis: string;
                locked: boolean;
                note?: {
                    id: string;
                    en: string;
                };
            };
            outputs: {
                code: string;
                name: {
                    id: string;
                    en: string;
                };
                /** @enum {unknown} */
                kind: "document" | "physical" | "external";
                validityDays?: number;
                /** @enum {unknown} */
                signature?: "tte" | "wet" | "none";
            }[];
            sop: {
                initial: string;
                states: {
                    [key: string]: {
                        name: {
                            id: string;
                            en: string;
                        };
                        terminal?: boolean;
                        /** @enum {unknown} */
                        outcome?: "completed" | "rejected" | "withdrawn";
                        sla?: {
                            value: number;
                            /** @enum {unknown} */
                            unit: "minutes" | "hours" | "working-days";
                        };
                        /** @enum {unknown} */
                        actor?: "citizen" | "officer" | "village-operator" | "tenant-admin" | "system";
                    };
                };
            };
        };
        Holiday: {
            /** Format: date */
            date: string;
            /**
             * @description `national` (libur nasional) or `cuti-bersama` (collective leave, SKB 3 Menteri)
             * @enum {unknown}
             */
            kind: "national" | "cuti-bersama";
            name: {
                id: string;
                en: string;
            };
            decree: string;
        };
        HolidayList: {
            /** @description Every holiday and cuti bersama (of the year asked), by date */
            items: components["schemas"]["Holiday"][];
        };
        TenantClosure: {
            /** Format: date */
            date: string;
            reason: {
                id: string;
                en: string;
            };
        };
        /** @description What the NIK itself says (format only, not a Dukcapil verification). Shown only to officers of the agency. */
        DecodedNik: {
            /** @description Whose NIK: the form field the plugin declares (`/data/nik`, `/data/nikAnak`) or the applicant given at the counter (`/applicant/nik`) */
            source: string;
            /** @description Where the NIK was first issued — not necessarily where the person lives now */
            region: {
                province: {
                    code: string;
                    name: string;
                };
                /** @description name null: a code not in the reference list (Kepmendagri 2025) */
                regency: {
                    /** @description Kemendagri code, e.g. 32.17 */
                    code: string;
                    name: string | null;
                };
                district: {
                    /** @description Kemendagri kecamatan code, e.g. 32.17.06 (no names held) */
                    code: string;
                };
            };
            /** Format: date */
            birthDate: string;
            /** @description true: the NIK has a two-digit year and the form gave no agreeing birth date; the latest century not after today was taken */
            centuryInferred: boolean;
            /**
             * @description From the day of birth: + 40 for women
             * @enum {unknown}
             */
            sex: "male" | "female";
        };
        IdentityWarning: {
            /** @description The form field that disagrees with the NIK, e.g. /data/tanggalLahir */
            pointer: string;
            /** @enum {unknown} */
            field: "birthDate" | "sex" | "domicile";
            /** @description Bahasa Indonesia and English */
            message: {
                id: string;
                en: string;
            };
            /** @description true where the plugin refuses the submission until corrected (form.identity.onMismatch = block) */
            blocking: boolean;
        };
        ApplicationChange: {
            /** @description What changed: a form field (`/data/noHp`) or a document (`/documents/identitas`) */
            pointer: string;
            /** @description The value before (null: none) */
            from: unknown;
            /** @description The value after (null: removed); for a document, its file name */
            to: unknown;
        };
        ApplicationDocument: {
            /** Format: uuid */
            id: string;
            code: string;
            filename: string | null;
            mediaType: string;
            size: number;
            sha256: string;
            /** @enum {unknown} */
            source: "upload" | "journey";
            sourceApplicationId: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        ApplicationOutput: {
            code: string;
            /** @description Bahasa Indonesia and English */
            name: {
                id: string;
                en: string;
            };
            /** @enum {unknown} */
            kind: "document" | "physical" | "external";
            downloadable: boolean;
            /** Format: date-time */
            issuedAt: string;
            validUntil: string | null;
        };
        Application: {
            /** Format: uuid */
            id: string;
            /** @description What the citizen quotes, e.g. 7KQ2-M9XD */
            trackingCode: string;
            service: {
                /** @description plugin.service */
                id: string;
                /** @description Bahasa Indonesia and English */
                name: {
                    id: string;
                    en: string;
                };
                plugin: string;
                /** @description The plugin version the application runs on (kept for its whole life) */
                version: string;
                agency: {
                    code: string;
                    /** @description Bahasa Indonesia and English */
                    name: {
                        id: string;
                        en: string;
                    };
                    /** @enum {unknown} */
                    kind: "vertical" | "regional";
                    /** @description Bahasa Indonesia and English */
                    parent?: {
                        id: string;
                        en: string;
                    };
                    website?: string;
                };
            };
            /**
             * @description online: the citizen; assisted: a village operator; counter: an officer at the MPP
             * @enum {unknown}
             */
            channel: "online" | "assisted" | "counter";
            /**
             * @description Where the application stands overall
             * @enum {unknown}
             */
            status: "draft" | "submitted" | "completed" | "rejected" | "withdrawn";
            state: {
                code: string;
                /** @description Bahasa Indonesia and English */
                name: {
                    id: string;
                    en: string;
                };
            };
            applicant: {
                nik?: string;
                name?: string;
                phone?: string;
            };
            filedBy: {
                /** @enum {unknown} */
                role: "citizen" | "officer" | "village-operator";
            };
            consent: {
                statement: string;
                /** @enum {unknown} */
                method: "signed-form" | "verbal" | "whatsapp" | "app";
                recordedBy: string;
                /** Format: date-time */
                at: string;
            } | null;
            /** @description Form data, as the plugin’s form defines it */
            data: {
                [key: string]: unknown;
            };
            /** @description Grows with every change; the ETag is this version */
            version: number;
            /** Format: date-time */
            createdAt: string;
            submittedAt: string | null;
            completedAt: string | null;
            /** @description Due times in hari kerja (the tenant’s working days) */
            sla: {
                dueAt: string | null;
                dueDate: string | null;
                stepDueAt: string | null;
                stepDueDate: string | null;
                /** @description The current step is past its due time */
                overdue: boolean;
            };
            claimedBy: string | null;
            /** @description Other active applications in this tenant for the same service by the same person (account or NIK): a warning before and after submission, never a refusal. Shown only to the applicant and to officers of the agency. */
            possibleDuplicates?: {
                /** Format: uuid */
                id: string;
                trackingCode: string;
                /**
                 * @description Where the application stands overall
                 * @enum {unknown}
                 */
                status: "draft" | "submitted" | "completed" | "rejected" | "withdrawn";
                submittedAt: string | null;
            }[];
            applicantNik?: components["schemas"]["DecodedNik"];
            /** @description Where the form’s birth date, sex or domicile disagree with the NIK (plugins that declare form.identity). Shown to the applicant and to officers of the agency. */
            identityWarnings?: components["schemas"]["IdentityWarning"][];
            /** @description What the caller may do now */
            availableActions: {
                code: string;
                /** @description Bahasa Indonesia and English */
                name: {
                    id: string;
                    en: string;
                };
                /** @enum {unknown} */
                comment: "required" | "optional" | "none";
            }[];
            timeline: {
                /** Format: date-time */
                at: string;
                action: string;
                actor: {
                    name: string | null;
                    role: string;
                };
                from: {
                    code: string;
                    /** @description Bahasa Indonesia and English */
                    name: {
                        id: string;
                        en: string;
                    };
                } | null;
                to: {
                    code: string;
                    /** @description Bahasa Indonesia and English */
                    name: {
                        id: string;
                        en: string;
                    };
                } | null;
                comment: string | null;
                /** @description What this entry changed, when someone other than the citizen wrote the draft or its documents (the filing operator or officer), or an SOP action corrected the form */
                changes?: components["schemas"]["ApplicationChange"][];
            }[];
            documents: components["schemas"]["ApplicationDocument"][];
            outputs: components["schemas"]["ApplicationOutput"][];
        };
        ApplicationSummary: {
            /** Format: uuid */
            id: string;
            trackingCode: string;
            /** @description plugin.service */
            service: string;
            /**
             * @description online: the citizen; assisted: a village operator; counter: an officer at the MPP
             * @enum {unknown}
             */
            channel: "online" | "assisted" | "counter";
            /**
             * @description Where the application stands overall
             * @enum {unknown}
             */
            status: "draft" | "submitted" | "completed" | "rejected" | "withdrawn";
            /** @description The SOP state code */
            state: string;
            /** Format: date-time */
            createdAt: string;
            submittedAt: string | null;
        };
        UploadedDocument: {
            /** Format: uuid */
            id: string;
            code: string;
            filename: string | null;
            /** @description As read from the content */
            mediaType: string;
            size: number;
            sha256: string;
            /** @constant */
            source: "upload";
        };
        JourneyAttachment: {
            /** Format: uuid */
            id: string;
            code: string;
            /** @constant */
            source: "journey";
            /** @description Tracking code of the application whose output was taken */
            sourceApplication: string;
            /** @description Days since that output was issued */
            ageDays: number;
        };
        ApplicationDownloadLink: {
            /**
             * Format: uri
             * @description A presigned GET of the file in the tenant’s region
             */
            url: string;
            /** Format: date-time */
            expiresAt: string;
        };
        OfficerQueueItem: {
            /** Format: uuid */
            id: string;
            trackingCode: string;
            service: {
                id: string;
                /** @description Bahasa Indonesia and English */
                name: {
                    id: string;
                    en: string;
                };
            };
            /**
             * @description online: the citizen; assisted: a village operator; counter: an officer at the MPP
             * @enum {unknown}
             */
            channel: "online" | "assisted" | "counter";
            state: {
                code: string;
                /** @description Bahasa Indonesia and English */
                name: {
                    id: string;
                    en: string;
                };
            };
            applicantName: string | null;
            submittedAt: string | null;
            dueDate: string | null;
            stepDueAt: string | null;
            stepDueDate: string | null;
            overdue: boolean;
            dueToday: boolean;
            claimedBy: string | null;
        };
        OfficerQueuePage: {
            /**
             * Format: date
             * @description Today in the tenant’s time zone
             */
            today: string;
            /** @description Over the whole queue (with the same filters), not only this page */
            counts: {
                total: number;
                dueToday: number;
                overdue: number;
            };
            items: components["schemas"]["OfficerQueueItem"][];
            /** @description Cursor of the next page (also in the `Link` header); null on the last page */
            next: string | null;
        };
        SlaEscalation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            applicationId: string;
            trackingCode: string;
            /** @description Agency code */
            agency: string;
            /** @description plugin.service */
            service: string;
            /** @description The SOP state that ran past its due time */
            state: string;
            /** Format: date-time */
            dueAt: string;
            /** Format: date-time */
            escalatedAt: string;
        };
        ApplicantLookup: {
            /** @description As last filed (name and phone), or null when the caller has filed or handled nothing for this NIK */
            applicant: {
                name: string;
                phone: string | null;
            } | null;
            /** @description Their applications the caller may see, newest first (at most 5) */
            applications: {
                /** Format: uuid */
                id: string;
                trackingCode: string;
                /** @description plugin.service */
                service: string;
                status: string;
                /** Format: date-time */
                createdAt: string;
            }[];
        };
        AppointmentSession: {
            /** Format: uuid */
            id: string;
            /** @description plugin.service */
            service: string;
            /**
             * Format: date
             * @description Local date
             */
            date: string;
            /** @description Local time HH:MM (tenant time zone) */
            start: string;
            /** @description Local time HH:MM (tenant time zone) */
            end: string;
            /** Format: date-time */
            startsAt: string;
            capacity: number;
            onlineCapacity: number;
            walkInCapacity: number;
            booked: number;
            onlineSeatsLeft: number;
            /** @enum {unknown} */
            status: "open" | "cancelled";
            /** @description Set when the date is a national holiday, cuti bersama that is not a working day for the agency here, or closed by the regency after the session was stored (`MPP tutup`); kept up to date as the calendar changes. The agency confirms or cancels such a session (`needsDecision`). */
            holiday: string | null;
            /** @description The agency confirmed it serves this flagged session (cleared when the flag changes) */
            confirmed: boolean;
            /** @description Open, flagged (holiday, cuti bersama not worked by this agency, or a later closure) and not yet confirmed: the agency confirms or cancels it */
            needsDecision: boolean;
        };
        SessionWindow: {
            /**
             * Format: date
             * @description Local date
             */
            from: string;
            /**
             * Format: date
             * @description Local date
             */
            to: string;
            /** @description Every session of the window, in time order */
            items: components["schemas"]["AppointmentSession"][];
        };
        Booking: {
            /** Format: uuid */
            id: string;
            session: components["schemas"]["AppointmentSession"];
            /** @enum {unknown} */
            channel: "online" | "walk-in";
            /** @constant */
            status: "booked";
        };
        MyBooking: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            sessionId: string;
            /** @description plugin.service */
            service: string;
            /**
             * Format: date
             * @description Local date
             */
            date: string;
            /** @description Local time HH:MM (tenant time zone) */
            start: string;
            /** @description Local time HH:MM (tenant time zone) */
            end: string;
            /** Format: date-time */
            startsAt: string;
            /** @description Set when the date is a national holiday, cuti bersama that is not a working day for the agency here, or closed by the regency after the session was stored (`MPP tutup`); kept up to date as the calendar changes. The agency confirms or cancels such a session (`needsDecision`). */
            holiday: string | null;
            /** @enum {unknown} */
            sessionStatus: "open" | "cancelled";
            /** @enum {unknown} */
            channel: "online" | "walk-in";
            /** @enum {unknown} */
            status: "booked" | "cancelled" | "checked-in" | "called" | "served" | "no-show" | "cancelled-by-agency";
            /** @description The day’s queue number, once checked in */
            queueNumber: number | null;
            /** @description The counter it is called at, once checked in */
            counter: string | null;
            applicationId: string | null;
        };
        BookingCheckIn: {
            /** Format: uuid */
            id: string;
            queueNumber: number;
            counter: string;
            /** @description Counter and number as called, e.g. 7-004 */
            ticket: string;
        };
        CounterCall: {
            /** @description The booking called, or null when nobody waits */
            called: {
                /** Format: uuid */
                id: string;
                /**
                 * @description A checked-in booking, or a walk-in queue ticket
                 * @enum {unknown}
                 */
                kind: "booking" | "ticket";
                ticket: string;
                name: string | null;
            } | null;
        };
        QueueTicket: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            applicationId: string;
            /** @description The counter that calls it */
            counter: string;
            /** @description The counter as the regency names it, if it does */
            counterName: string | null;
            queueNumber: number;
            /** @description Counter and number as called, e.g. 1-004 */
            ticket: string;
            /** @description plugin.service */
            service: string;
            /**
             * Format: date
             * @description Local date
             */
            date: string;
            /** @enum {unknown} */
            status: "waiting" | "called" | "no-show";
            /** @description People waiting before this number at its counter now */
            waitingAhead: number;
        };
        QueueDisplay: {
            /**
             * Format: date
             * @description Local date
             */
            date: string;
            items: {
                counter: string;
                name: string | null;
                /** @description The number being served, e.g. 1-004 */
                current: string | null;
                /** @description Numbers called before it today, newest first (at most 3) */
                recent: string[];
                /** @description How many numbers wait */
                waiting: number;
            }[];
        };
        CounterBoard: {
            /**
             * Format: date
             * @description Local date
             */
            date: string;
            items: {
                counter: string;
                name: string | null;
                agencies: string[];
                current: {
                    /** Format: uuid */
                    id: string;
                    /**
                     * @description A booking of a session, or a walk-in queue ticket
                     * @enum {unknown}
                     */
                    kind: "booking" | "ticket";
                    ticket: string;
                    service: string;
                    name: string | null;
                } | null;
                /** @description Numbers waiting, lowest first: ticket and service only */
                waiting: {
                    /** Format: uuid */
                    id: string;
                    /**
                     * @description A booking of a session, or a walk-in queue ticket
                     * @enum {unknown}
                     */
                    kind: "booking" | "ticket";
                    ticket: string;
                    service: string;
                }[];
                /** @description Today’s booked people not checked in yet (check them in when they arrive) */
                booked: {
                    /** Format: uuid */
                    id: string;
                    service: string;
                    start: string;
                    name: string | null;
                }[];
            }[];
        };
        AgencyCalendar: {
            agency: string;
            cutiBersamaWorkingDay: boolean;
        };
        SessionCancellation: {
            /**
             * Format: uuid
             * @description The session cancelled
             */
            cancelled: string;
            /** @description Booked people notified (moved, or told the next open session) */
            rescheduleEvents: number;
            /** @description Of them, moved to a later session with a seat (each told where, and why) */
            moved: number;
            /** @description The first later session of the service with an online seat, over the schedule up to `searchedUntil`; null: none up to then (the schedule has no session, or all are full or cancelled) */
            nextSession: components["schemas"]["AppointmentSession"] | null;
            /**
             * Format: date
             * @description The last local date searched for `nextSession` (the cancelled session’s date plus the default listing window)
             */
            searchedUntil: string;
        };
        SessionUtilization: {
            /**
             * Format: uuid
             * @description The session
             */
            id: string;
            /** @description plugin.service */
            service: string;
            /**
             * Format: date
             * @description Local date
             */
            date: string;
            /** @description Local time HH:MM (tenant time zone) */
            start: string;
            capacity: number;
            /** @enum {unknown} */
            status: "open" | "cancelled";
            /** @description Set when the date is a national holiday, cuti bersama that is not a working day for the agency here, or closed by the regency after the session was stored (`MPP tutup`); kept up to date as the calendar changes. The agency confirms or cancels such a session (`needsDecision`). */
            holiday: string | null;
            /** @description Bookings that held a seat (booked, checked in, called, served, no-show) */
            booked: number;
            /** @description Checked in, called or served */
            checkedIn: number;
            noShow: number;
        };
        SkmQuestionnaire: {
            regulation: string;
            scale: number[];
            elements: {
                /** @enum {unknown} */
                element: "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U7" | "U8" | "U9";
                name: {
                    id: string;
                    en: string;
                };
                options: {
                    value: number;
                    label: string;
                }[];
            }[];
            profile: {
                sex: ("L" | "P")[];
                ageBand: ("<20" | "20-29" | "30-39" | "40-49" | "50-59" | ">=60")[];
                education: ("SD" | "SMP" | "SMA" | "D1-D3-D4" | "S1" | "S2" | "S3")[];
                occupation: ("PNS" | "TNI" | "POLRI" | "SWASTA" | "WIRAUSAHA" | "LAINNYA")[];
            };
            weighting: {
                /** @constant */
                convention: "equal-exact";
                /** @description 1/9 per unsur */
                weight: number;
                description: {
                    id: string;
                    en: string;
                };
                /** @description The printed weight 0.111 some reports use */
                legacyWeight: number;
            };
            categories: {
                /** @enum {unknown} */
                category: "A" | "B" | "C" | "D";
                minIkm: number;
                /** @description [lowest, highest] */
                nrrRange: number[];
                /** @description [lowest, highest] */
                ikmRange: number[];
                performance: {
                    id: string;
                    en: string;
                };
            }[];
        };
        SkmInvitation: {
            /** Format: uuid */
            id: string;
            /** @description The credential that answers the survey (erased once answered) */
            token: string;
            /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
            service: string;
            agency: string;
            applicationTrackingCode: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
        };
        SkmApplicationInvitation: {
            /** Format: uuid */
            id: string;
            /** @description Null once answered */
            token: string | null;
            /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
            service: string;
            applicationTrackingCode: string;
            /** Format: date-time */
            expiresAt: string;
            answered: boolean;
        };
        SkmAnswer: {
            /** Format: uuid */
            id: string;
            /**
             * Format: date
             * @description The tenant’s local date of the answer: the only time kept
             */
            recordedOn: string;
            /** @description True when these very answers had been recorded before (this is the first response) */
            replayed: boolean;
        };
        IkmReport: {
            tenant: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                slug: string;
                /** @description Regency/city name */
                name: string;
            };
            /** @enum {unknown} */
            scope: "tenant" | "agency" | "service";
            /** @description The tenant slug, the agency code or the service id */
            key: string;
            period: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
            };
            respondents: number;
            elements: {
                /** @enum {unknown} */
                element: "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U7" | "U8" | "U9";
                name: {
                    id: string;
                    en: string;
                };
                /** @description Sum of the answers (1–4) for this unsur */
                sum: number;
                /** @description Nilai rata-rata: sum ÷ respondents (4 decimals) */
                nrr: number;
                /** @description NRR × 1/9 (4 decimals) */
                weightedNrr: number;
            }[];
            weightedNrr: number | null;
            ikm: number | null;
            category: ("A" | "B" | "C" | "D") | null;
            performance: {
                id: string;
                en: string;
            } | null;
            weighting: {
                /** @constant */
                convention: "equal-exact";
                /** @description 1/9 per unsur */
                weight: number;
                description: {
                    id: string;
                    en: string;
                };
                /** @description The printed weight 0.111 some reports use */
                legacyWeight: number;
                legacyIkm?: number;
                /** @enum {unknown} */
                legacyCategory?: "A" | "B" | "C" | "D";
            };
            lowest: {
                /** @enum {unknown} */
                element: "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U7" | "U8" | "U9";
                nrr: number;
            } | null;
            /** @description The Krejcie–Morgan minimum-sample check */
            sample: {
                population: number;
                /** @description What the population counts: the tenant’s population, or the service users of the period */
                populationBasis: string;
                krejcieMorgan: {
                    tableN: number | null;
                    minimum: number;
                };
                sufficient: boolean;
                warning?: {
                    id: string;
                    en: string;
                };
            };
            /** @description Every service with responses in the period */
            services: {
                /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
                service: string;
                agency: string;
                respondents: number;
                elements: {
                    /** @enum {unknown} */
                    element: "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U7" | "U8" | "U9";
                    name: {
                        id: string;
                        en: string;
                    };
                    /** @description Sum of the answers (1–4) for this unsur */
                    sum: number;
                    /** @description Nilai rata-rata: sum ÷ respondents (4 decimals) */
                    nrr: number;
                    /** @description NRR × 1/9 (4 decimals) */
                    weightedNrr: number;
                }[];
                weightedNrr: number | null;
                ikm: number | null;
                category: ("A" | "B" | "C" | "D") | null;
                performance: {
                    id: string;
                    en: string;
                } | null;
                weighting: {
                    /** @constant */
                    convention: "equal-exact";
                    /** @description 1/9 per unsur */
                    weight: number;
                    description: {
                        id: string;
                        en: string;
                    };
                    /** @description The printed weight 0.111 some reports use */
                    legacyWeight: number;
                    legacyIkm?: number;
                    /** @enum {unknown} */
                    legacyCategory?: "A" | "B" | "C" | "D";
                };
                lowest: {
                    /** @enum {unknown} */
                    element: "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U7" | "U8" | "U9";
                    nrr: number;
                } | null;
                /** @description The Krejcie–Morgan minimum-sample check */
                sample: {
                    population: number;
                    /** @description What the population counts: the tenant’s population, or the service users of the period */
                    populationBasis: string;
                    krejcieMorgan: {
                        tableN: number | null;
                        minimum: number;
                    };
                    sufficient: boolean;
                    warning?: {
                        id: string;
                        en: string;
                    };
                };
            }[];
        };
        IkmResult: {
            respondents: number;
            elements: {
                /** @enum {unknown} */
                element: "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U7" | "U8" | "U9";
                name: {
                    id: string;
                    en: string;
                };
                /** @description Sum of the answers (1–4) for this unsur */
                sum: number;
                /** @description Nilai rata-rata: sum ÷ respondents (4 decimals) */
                nrr: number;
                /** @description NRR × 1/9 (4 decimals) */
                weightedNrr: number;
            }[];
            /** @description Σ NRR × 1/9 (4 decimals) */
            weightedNrr: number;
            /** @description Weighted NRR × 25, two decimals (25–100) */
            ikm: number;
            /** @enum {unknown} */
            category: "A" | "B" | "C" | "D";
            performance: {
                id: string;
                en: string;
            };
            weighting: {
                /** @constant */
                convention: "equal-exact";
                /** @description 1/9 per unsur */
                weight: number;
                description: {
                    id: string;
                    en: string;
                };
                /** @description The printed weight 0.111 some reports use */
                legacyWeight: number;
                legacyIkm: number;
                /** @enum {unknown} */
                legacyCategory: "A" | "B" | "C" | "D";
            };
            lowest: {
                /** @enum {unknown} */
                element: "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U7" | "U8" | "U9";
                nrr: number;
            } | null;
        };
        AgencyIkmReport: {
            agency: string;
            period: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
            };
            weighting: {
                /** @constant */
                convention: "equal-exact";
                /** @description 1/9 per unsur */
                weight: number;
                description: {
                    id: string;
                    en: string;
                };
                /** @description The printed weight 0.111 some reports use */
                legacyWeight: number;
            };
            /** @description Null when nobody answered */
            overall: components["schemas"]["IkmResult"] | null;
            /** @description Each service with responses, across every tenant */
            services: {
                /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
                service: string;
                respondents: number;
                elements: {
                    /** @enum {unknown} */
                    element: "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U7" | "U8" | "U9";
                    name: {
                        id: string;
                        en: string;
                    };
                    /** @description Sum of the answers (1–4) for this unsur */
                    sum: number;
                    /** @description Nilai rata-rata: sum ÷ respondents (4 decimals) */
                    nrr: number;
                    /** @description NRR × 1/9 (4 decimals) */
                    weightedNrr: number;
                }[];
                /** @description Σ NRR × 1/9 (4 decimals) */
                weightedNrr: number;
                /** @description Weighted NRR × 25, two decimals (25–100) */
                ikm: number;
                /** @enum {unknown} */
                category: "A" | "B" | "C" | "D";
                performance: {
                    id: string;
                    en: string;
                };
                weighting: {
                    /** @constant */
                    convention: "equal-exact";
                    /** @description 1/9 per unsur */
                    weight: number;
                    description: {
                        id: string;
                        en: string;
                    };
                    /** @description The printed weight 0.111 some reports use */
                    legacyWeight: number;
                    legacyIkm: number;
                    /** @enum {unknown} */
                    legacyCategory: "A" | "B" | "C" | "D";
                };
                lowest: {
                    /** @enum {unknown} */
                    element: "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U7" | "U8" | "U9";
                    nrr: number;
                } | null;
            }[];
            /** @description Each (tenant, service) with responses; at most one row per tenant and service */
            byTenant: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description Regency/city name */
                tenantName: string;
                region: string;
                /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
                service: string;
                respondents: number;
                elements: {
                    /** @enum {unknown} */
                    element: "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U7" | "U8" | "U9";
                    name: {
                        id: string;
                        en: string;
                    };
                    /** @description Sum of the answers (1–4) for this unsur */
                    sum: number;
                    /** @description Nilai rata-rata: sum ÷ respondents (4 decimals) */
                    nrr: number;
                    /** @description NRR × 1/9 (4 decimals) */
                    weightedNrr: number;
                }[];
                /** @description Σ NRR × 1/9 (4 decimals) */
                weightedNrr: number;
                /** @description Weighted NRR × 25, two decimals (25–100) */
                ikm: number;
                /** @enum {unknown} */
                category: "A" | "B" | "C" | "D";
                performance: {
                    id: string;
                    en: string;
                };
                weighting: {
                    /** @constant */
                    convention: "equal-exact";
                    /** @description 1/9 per unsur */
                    weight: number;
                    description: {
                        id: string;
                        en: string;
                    };
                    /** @description The printed weight 0.111 some reports use */
                    legacyWeight: number;
                    legacyIkm: number;
                    /** @enum {unknown} */
                    legacyCategory: "A" | "B" | "C" | "D";
                };
                lowest: {
                    /** @enum {unknown} */
                    element: "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U7" | "U8" | "U9";
                    nrr: number;
                } | null;
            }[];
        };
        NationalIkmReport: {
            period: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
            };
            weighting: {
                /** @constant */
                convention: "equal-exact";
                /** @description 1/9 per unsur */
                weight: number;
                description: {
                    id: string;
                    en: string;
                };
                /** @description The printed weight 0.111 some reports use */
                legacyWeight: number;
            };
            /** @description One row per tenant, in the directory’s code order */
            items: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description Regency/city name */
                tenantName: string;
                region: string;
                respondents: number;
                ikm: number | null;
                category: ("A" | "B" | "C" | "D") | null;
                weightedNrr: number | null;
                lowest: {
                    /** @enum {unknown} */
                    element: "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U7" | "U8" | "U9";
                    nrr: number;
                } | null;
                elements: {
                    /** @enum {unknown} */
                    element: "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U7" | "U8" | "U9";
                    name: {
                        id: string;
                        en: string;
                    };
                    /** @description Sum of the answers (1–4) for this unsur */
                    sum: number;
                    /** @description Nilai rata-rata: sum ÷ respondents (4 decimals) */
                    nrr: number;
                    /** @description NRR × 1/9 (4 decimals) */
                    weightedNrr: number;
                }[];
                /** @description The Krejcie–Morgan minimum-sample check */
                sample: {
                    population: number;
                    /** @description What the population counts: the tenant’s population, or the service users of the period */
                    populationBasis: string;
                    krejcieMorgan: {
                        tableN: number | null;
                        minimum: number;
                    };
                    sufficient: boolean;
                    warning?: {
                        id: string;
                        en: string;
                    };
                };
            }[];
        };
        SkmFollowUp: {
            /** Format: uuid */
            id: string;
            /** @enum {unknown} */
            scope: "tenant" | "agency" | "service";
            /** @description The tenant slug, agency code or service id */
            scopeKey: string;
            period: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
            };
            /** @enum {unknown} */
            element: "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U7" | "U8" | "U9";
            elementName: {
                id: string;
                en: string;
            };
            nrr: number;
            ikm: number;
            respondents: number;
            /** @enum {unknown} */
            status: "open" | "closed";
            plan: string | null;
            result: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Username of the coordinator who closed it; shown to the tenant’s own staff only */
            closedBy?: string | null;
            closedAt: string | null;
        };
        SkmFollowUpsOpened: {
            period: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
            };
            /** @description The tenant’s IKM for the period; null when nobody answered */
            ikm: number | null;
            category: ("A" | "B" | "C" | "D") | null;
            /** @description Every follow-up of the period (one for the tenant, one per service with responses): bounded, answered whole */
            items: components["schemas"]["SkmFollowUp"][];
        };
        ChecklistItem: {
            /** @enum {unknown} */
            key: "commitment" | "agencies" | "plugins" | "counters" | "standards" | "maklumat" | "decrees";
            label: {
                id: string;
                en: string;
            };
            done: boolean;
            /** @description e.g. `12/14` */
            detail: string;
        };
        ChecklistCounts: {
            servicesInstalled: number;
            /** @description Standard complete and published */
            servicesLive: number;
            /** @description What the MoUs promise (installed services before any MoU states a number) */
            servicesPlanned: number;
            countersSet: number;
            agenciesJoined: number;
        };
        ServiceReadiness: {
            /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
            id: string;
            plugin: string;
            /** @description Installed plugin version */
            version: string;
            code: string;
            name: {
                id: string;
                en: string;
            };
            agency: string;
            /** @description The plugin lets the regency set its counter */
            counterSettable: boolean;
            counter: {
                name: string;
                number?: string;
                floor?: string;
            } | null;
            /** @description All 14 components are filled (plugin + overlay) */
            standardComplete: boolean;
            missing: {
                number: number;
                key: string;
                name: {
                    id: string;
                    en: string;
                };
                /**
                 * @description `delivery`: the agency provides it; `management`: the regency may (overlay)
                 * @enum {unknown}
                 */
                group: "delivery" | "management";
            }[];
            published: {
                skNumber: string;
                /**
                 * Format: date
                 * @description Date of the decree
                 */
                skDate: string;
                /** @description The plugin version the standard was published for */
                pluginVersion: string;
                /** Format: date-time */
                publishedAt: string;
                publishedBy: string;
            } | null;
        };
        TenantAgency: {
            /** @description Agency code as in plugins, e.g. dukcapil */
            agencyCode: string;
            name: string;
            mouNumber: string;
            /**
             * Format: date
             * @description Date signed
             */
            mouSignedOn: string;
            plannedServices: number;
            recordedBy: string;
            /** Format: date-time */
            recordedAt: string;
        };
        PublicMaklumat: {
            text: string;
            signedBy: string;
            /**
             * Format: date
             * @description Date signed
             */
            signedOn: string;
            /** Format: date-time */
            publishedAt: string;
        };
        Decree: {
            /** @enum {unknown} */
            kind: "formation-team" | "mpp-establishment" | "service-standards" | "maklumat" | "other";
            number: string;
            /**
             * Format: date
             * @description Date signed
             */
            signedOn: string;
            title: string;
            recordedBy: string;
            /** Format: date-time */
            recordedAt: string;
        };
        LifecycleEvent: {
            /** @description Order of the move (1: the registration) */
            seq: number;
            from: ("proposed" | "committed" | "preparing" | "trial" | "launched" | "inaugurated" | "operating") | null;
            /** @enum {unknown} */
            to: "proposed" | "committed" | "preparing" | "trial" | "launched" | "inaugurated" | "operating";
            /**
             * Format: date
             * @description Effective date (tenant-local)
             */
            on: string;
            actor: string;
            note: string | null;
            /** Format: date-time */
            recordedAt: string;
        };
        OnboardingChecklist: {
            tenant: string;
            /** @enum {unknown} */
            status: "proposed" | "committed" | "preparing" | "trial" | "launched" | "inaugurated" | "operating";
            committedOn: string | null;
            deadline: string | null;
            daysToDeadline: number | null;
            deadlineMet: boolean | null;
            /** @description Launched, inaugurated or operating */
            serving: boolean;
            launchedOn: string | null;
            inauguratedOn: string | null;
            /** @description Share of checklist items done */
            progress: number;
            items: components["schemas"]["ChecklistItem"][];
            counts: components["schemas"]["ChecklistCounts"];
            services: components["schemas"]["ServiceReadiness"][];
            agencies: components["schemas"]["TenantAgency"][];
            maklumat: components["schemas"]["PublicMaklumat"] | null;
            maklumatTemplate: string | null;
            decrees: components["schemas"]["Decree"][];
            history: components["schemas"]["LifecycleEvent"][];
        };
        Maklumat: {
            text: string;
            signedBy: string;
            /**
             * Format: date
             * @description Date signed
             */
            signedOn: string;
            /** Format: date-time */
            publishedAt: string;
            publishedBy: string;
        };
        PublishedStandard: {
            /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
            service: string;
            skNumber: string;
            /**
             * Format: date
             * @description Date of the decree
             */
            skDate: string;
            /** @description The plugin version the standard was published for */
            pluginVersion: string;
            /** Format: date-time */
            publishedAt: string;
            publishedBy: string;
        };
        ModelDrift: {
            tenant: string;
            /** @description The role-model tenant (kaji tiru) */
            model: string;
            inSync: boolean;
            differences: number;
            plugins: {
                plugin: string;
                tenantVersion: string | null;
                modelVersion: string | null;
                /**
                 * @description This tenant’s version against the model’s
                 * @enum {unknown}
                 */
                state: "missing" | "behind" | "same" | "ahead" | "extra";
            }[];
            overlays: {
                /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
                service: string;
                /** @description Overlay keys that differ */
                fields: string[];
            }[];
            maklumatDiffers: boolean;
            upgradesAvailable: {
                plugin: string;
                from: string | null;
                /** @description Plugin version */
                to: string;
            }[];
        };
        ModelAdoption: {
            taken: {
                plugin: string;
                from: string | null;
                /** @description Plugin version */
                to: string;
                /** @enum {unknown} */
                action: "installed" | "upgraded" | "downgraded" | "unchanged";
            }[];
            drift: components["schemas"]["ModelDrift"];
        };
        CockpitTenant: {
            /** @description Tenant slug, e.g. kab-bandung-barat */
            slug: string;
            /** @description Kemendagri regency/city code */
            code: string;
            /** @description Regency/city name (Kemendagri) */
            name: string;
            provinceCode: string;
            provinceName: string;
            homeRegion: string;
            population: number;
            /** @enum {unknown} */
            mppStatus: "proposed" | "committed" | "preparing" | "trial" | "launched" | "inaugurated" | "operating";
            /** @description Commitment signed with KemenPAN-RB */
            committedOn: string | null;
            /** @description Commitment deadline (a year after signing) */
            deadline: string | null;
            /** @description Days from the tenant’s local today to the deadline; negative once passed */
            daysToDeadline: number | null;
            /** @description Launch date */
            launchedOn: string | null;
            /** @description Inauguration date */
            inauguratedOn: string | null;
            /** @description Services with a published standar pelayanan */
            servicesLive: number;
            servicesPlanned: number;
            servicesInstalled: number;
            /** @description Onboarding checklist done; a ratio (1 = 100 %), 4 decimals, null when there is nothing to divide by */
            onboardingProgress: number | null;
            /** @description Applications submitted in the window, by channel */
            applications: {
                online: number;
                assisted: number;
                counter: number;
                total: number;
            };
            /** @description Online and assisted applications over all; a ratio (1 = 100 %), 4 decimals, null when there is nothing to divide by */
            onlineShare: number | null;
            /** @description Online (self-service) applications over all; a ratio (1 = 100 %), 4 decimals, null when there is nothing to divide by */
            selfServiceShare: number | null;
            /** @description Completed in the window */
            completed: number;
            /** @description Completed on time over completed; a ratio (1 = 100 %), 4 decimals, null when there is nothing to divide by */
            slaCompliance: number | null;
            /** @description Open applications past their due time now */
            overdue: number;
            openApplications: number;
            /** @description Booked over capacity; a ratio (1 = 100 %), 4 decimals, null when there is nothing to divide by */
            appointmentUtilization: number | null;
            /** @description Checked in over booked; a ratio (1 = 100 %), 4 decimals, null when there is nothing to divide by */
            attendance: number | null;
            /** @description When the last online application arrived */
            lastOnlineAt: string | null;
            /** @description Complaints open now, and those past their current deadline */
            complaints: {
                open: number;
                overdue: number;
            };
            /** @description SKM over the window: respondents and the IKM (PermenPANRB 14/2017, equal weights) */
            skm: {
                responses: number;
                ikm: number | null;
                category: ("A" | "B" | "C" | "D") | null;
            };
            /** @description When the tenant’s region last published it; null before the first rollup */
            rollupAt: string | null;
        };
        MonitoringAlert: {
            /** @enum {unknown} */
            kind: "no-online-uptake" | "deadline-passed" | "deadline-near" | "sla-below-threshold";
            /** @enum {unknown} */
            severity: "critical" | "warning";
            /** @description Tenant slug, e.g. kab-bandung-barat */
            tenant: string;
            /** @description Regency/city name of the tenant (Kemendagri) */
            name: string;
            /** @description Since when (launch, last online application or deadline) */
            since: string | null;
            days: number | null;
            value: number | null;
            threshold: number | null;
            message: {
                id: string;
                en: string;
            };
        };
        NationalCockpit: {
            /**
             * Format: date-time
             * @description The instant every figure and alert was computed at
             */
            asOf: string;
            window: {
                /**
                 * Format: date
                 * @description Monday of the window’s first week
                 */
                from: string;
                weeks: number;
            };
            /** @description The alert thresholds applied (defaults with the query’s overrides) */
            thresholds: {
                noOnlineDays: number;
                slaMin: number;
                slaMinCompleted: number;
                windowWeeks: number;
                deadlineWarnDays: number;
            };
            /** @description National totals: sums over the tenants shown; shares are ratios of the sums */
            totals: {
                tenants: number;
                /** @description Tenants per MPP status (statuses with none are left out) */
                byStatus: {
                    proposed?: number;
                    committed?: number;
                    preparing?: number;
                    trial?: number;
                    launched?: number;
                    inaugurated?: number;
                    operating?: number;
                };
                servicesLive: number;
                servicesPlanned: number;
                /** @description Applications submitted in the window, by channel */
                applications: {
                    online: number;
                    assisted: number;
                    counter: number;
                    total: number;
                };
                /** @description Online and assisted over all, weighted by volume; a ratio (1 = 100 %), 4 decimals, null when there is nothing to divide by */
                onlineShare: number | null;
                completed: number;
                /** @description Completed on time over completed, weighted by volume; a ratio (1 = 100 %), 4 decimals, null when there is nothing to divide by */
                slaCompliance: number | null;
                overdue: number;
                complaints: {
                    open: number;
                    overdue: number;
                };
                skmResponses: number;
            };
            /** @description Every tenant matching the filters (at most one per regency/city: 514), in code order; never cut */
            tenants: components["schemas"]["CockpitTenant"][];
            /** @description Every alert of those tenants (at most two per tenant), critical first */
            alerts: components["schemas"]["MonitoringAlert"][];
        };
        NationalAlerts: {
            /** Format: date-time */
            asOf: string;
            /** @description Every alert (at most two per tenant), critical first, then by days, then by tenant */
            items: components["schemas"]["MonitoringAlert"][];
        };
        MonitoringWeek: {
            /**
             * Format: date
             * @description Monday of the ISO week (Asia/Jakarta calendar)
             */
            weekStart: string;
            online: number;
            assisted: number;
            counter: number;
            total: number;
            /** @description Online and assisted over all; a ratio (1 = 100 %), 4 decimals, null when there is nothing to divide by */
            onlineShare: number | null;
            completed: number;
            completedOnTime: number;
            /** @description Completed on time over completed; a ratio (1 = 100 %), 4 decimals, null when there is nothing to divide by */
            slaCompliance: number | null;
            sessionsCapacity: number;
            sessionsBooked: number;
            sessionsCheckedIn: number;
            /** @description Booked over capacity; a ratio (1 = 100 %), 4 decimals, null when there is nothing to divide by */
            utilization: number | null;
        };
        NationalWeekly: {
            /** @description The tenant asked for, if any */
            tenant: string | null;
            /** @description The region asked for, if any */
            region: string | null;
            /** @description One point per week, oldest first, every week present (at most 104) */
            items: components["schemas"]["MonitoringWeek"][];
        };
        TenantIndicatorsReport: {
            /** Format: date-time */
            asOf: string;
            indicators: components["schemas"]["CockpitTenant"];
            alerts: components["schemas"]["MonitoringAlert"][];
            /** @description One point per week, oldest first */
            weekly: components["schemas"]["MonitoringWeek"][];
        };
        ComplaintMessage: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            at: string;
            author: {
                name: string | null;
                /** @enum {unknown} */
                role: "citizen" | "officer" | "coordinator" | "system";
            };
            /** @description filed, verified, forwarded, handling, rejected, message, note, answer, rated, reopened, attachment, escalated, closed, lapor */
            kind: string;
            body: string | null;
            /** @description Shown to staff only (the citizen never sees internal entries) */
            internal?: boolean;
        };
        ComplaintAttachment: {
            /** Format: uuid */
            id: string;
            filename: string | null;
            /** @description Decided from the content: application/pdf, image/png or image/jpeg */
            mediaType: string;
            /** @description Bytes */
            size: number;
            sha256: string;
            /** Format: date-time */
            createdAt: string;
        };
        Complaint: {
            /** Format: uuid */
            id: string;
            /** @description Tracking code, e.g. ADU-7KQ2-M9XD */
            trackingCode: string;
            /** @enum {unknown} */
            kind: "complaint" | "suggestion" | "information-request";
            /**
             * @description SP4N-LAPOR! category; sets the answer deadline
             * @enum {unknown}
             */
            category: "informasi" | "aspirasi" | "keluhan" | "sengketa-tanpa-pemeriksaan" | "sengketa-dengan-pemeriksaan";
            subject: {
                /** @enum {unknown} */
                type: "tenant" | "service" | "application";
                service: string | null;
                applicationId: string | null;
                applicationTrackingCode: string | null;
            };
            agency: string | null;
            title: string;
            body: string;
            location: string | null;
            incidentDate: string | null;
            anonymous: boolean;
            confidential: boolean;
            /**
             * @description `counter`: filed by a counter officer for a citizen
             * @enum {unknown}
             */
            channel: "online" | "counter";
            /** @description Who filed it, for whoever may see them (the complainant; for an anonymous complaint nobody else; for a confidential one the coordinator); others get only `{"name": "Anonim / Anonymous"}` or `{"name": "Dirahasiakan / Confidential"}`, and then `subject.applicationId`/`applicationTrackingCode`, the complainant’s names in the thread and the file names are withheld too */
            complainant: {
                name?: string;
                phone?: string;
                email?: string;
                nik?: string;
            };
            /** @enum {unknown} */
            status: "submitted" | "forwarded" | "handling" | "answered" | "closed" | "rejected";
            statusName: {
                id: string;
                en: string;
            } | null;
            handler: ("agency" | "coordinator") | null;
            deadlines: {
                verification: {
                    /** Format: date */
                    dueDate: string;
                    /** Format: date-time */
                    dueAt: string;
                    doneAt: string | null;
                    overdue: boolean;
                };
                firstResponse: {
                    /** Format: date */
                    dueDate: string;
                    /** Format: date-time */
                    dueAt: string;
                    doneAt: string | null;
                    overdue: boolean;
                } | null;
                answer: {
                    /** Format: date */
                    dueDate: string;
                    /** Format: date-time */
                    dueAt: string;
                    doneAt: string | null;
                    overdue: boolean;
                } | null;
                reopenUntil: string | null;
                calendar: string;
            };
            escalations: number;
            reopenCount: number;
            rating: {
                score: number;
                comment: string | null;
                /** Format: date-time */
                at: string;
            } | null;
            lapor: {
                trackingId: string | null;
                /** @enum {unknown} */
                syncStatus: "not-synced" | "pending" | "synced" | "failed";
                error: string | null;
                syncedAt: string | null;
            };
            /** @description The whole thread, oldest first (internal entries only for staff) */
            thread: components["schemas"]["ComplaintMessage"][];
            attachments: components["schemas"]["ComplaintAttachment"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            /** @description What the caller may do now (route names) */
            allowed: ("verify" | "answer" | "message" | "attach" | "rate" | "reopen" | "lapor")[];
        };
        ComplaintSummary: {
            /** Format: uuid */
            id: string;
            /** @description Tracking code, e.g. ADU-7KQ2-M9XD */
            trackingCode: string;
            /** @enum {unknown} */
            kind: "complaint" | "suggestion" | "information-request";
            /**
             * @description SP4N-LAPOR! category; sets the answer deadline
             * @enum {unknown}
             */
            category: "informasi" | "aspirasi" | "keluhan" | "sengketa-tanpa-pemeriksaan" | "sengketa-dengan-pemeriksaan";
            title: string;
            agency: string | null;
            /** @enum {unknown} */
            status: "submitted" | "forwarded" | "handling" | "answered" | "closed" | "rejected";
            dueDate: string | null;
            overdue: boolean;
            overdueStages: string[];
            escalations: number;
            /** Format: date-time */
            createdAt: string;
        };
        ComplaintStats: {
            /** @description Tenant slug */
            tenant: string;
            period: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
            };
            filed: number;
            open: number;
            overdue: number;
            rejected: number;
            reopened: number;
            escalations: number;
            verification: {
                verified: number;
                onTime: number;
                onTimePercent: number | null;
            };
            answer: {
                answered: number;
                onTime: number;
                onTimePercent: number | null;
            };
            rating: {
                rated: number;
                average: number | null;
            };
            laporSynced: number;
            /** @description Complaints filed in the period by status (every status listed, 0 when none) */
            byStatus: {
                submitted: number;
                forwarded: number;
                handling: number;
                answered: number;
                closed: number;
                rejected: number;
            };
            /** @description Complaints filed in the period by category (every category listed, 0 when none) */
            byCategory: {
                informasi: number;
                aspirasi: number;
                keluhan: number;
                "sengketa-tanpa-pemeriksaan": number;
                "sengketa-dengan-pemeriksaan": number;
            };
            /** @description Complaints filed in the period by kind (every kind listed, 0 when none) */
            byKind: {
                complaint: number;
                suggestion: number;
                "information-request": number;
            };
        };
        ComplaintAttachmentLink: {
            /**
             * Format: uri
             * @description A presigned GET of the object itself (the file, with its own media type and the filename as attachment)
             */
            url: string;
            /** Format: date-time */
            expiresAt: string;
        };
        ComplaintWebhookConfigured: {
            url: string;
            active: boolean;
            maxAttempts: number;
            /** @description The last 4 characters of the signing secret (the secret itself is answered only when made) */
            secretHint: string;
            updatedBy: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The signing secret: only in the answer that created or rotated it; store it then */
            secret?: string;
        };
        ComplaintWebhook: {
            url: string;
            active: boolean;
            maxAttempts: number;
            /** @description The last 4 characters of the signing secret (the secret itself is answered only when made) */
            secretHint: string;
            updatedBy: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ComplaintWebhookDelivery: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            complaintId: string;
            /** @description complaint.filed, .verified, .forwarded, .rejected, .answered, .rated, .reopened, .escalated, .closed */
            event: string;
            /** @enum {unknown} */
            status: "pending" | "delivered" | "dead";
            attempts: number;
            maxAttempts: number;
            nextAttemptAt: string | null;
            lastStatusCode: number | null;
            lastError: string | null;
            /** Format: date-time */
            createdAt: string;
            deliveredAt: string | null;
            deadAt: string | null;
        };
        /** @description The body every endpoint receives (signed; docs/webhooks.md) */
        EventPayload: {
            type: string;
            /** Format: date-time */
            timestamp: string;
            /** @description Ids and codes only */
            data: {
                [key: string]: unknown;
            };
        };
        ComplaintWebhookDeliveryDetail: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            complaintId: string;
            /** @description complaint.filed, .verified, .forwarded, .rejected, .answered, .rated, .reopened, .escalated, .closed */
            event: string;
            /** @enum {unknown} */
            status: "pending" | "delivered" | "dead";
            attempts: number;
            maxAttempts: number;
            nextAttemptAt: string | null;
            lastStatusCode: number | null;
            lastError: string | null;
            /** Format: date-time */
            createdAt: string;
            deliveredAt: string | null;
            deadAt: string | null;
            payload: components["schemas"]["EventPayload"];
            /** @description Every attempt, in order */
            log: {
                attempt: number;
                /** Format: date-time */
                at: string;
                url: string;
                statusCode: number | null;
                error: string | null;
                response: string | null;
                durationMs: number;
            }[];
        };
        PersonalDataAccess: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            at: string;
            /** @description The request that read (X-Request-Id), to find it in the logs */
            requestId: string;
            /**
             * @description `handling` (an officer works the file), `verification` (an officer checks a supporting document), `complaint-handling`, `supervision` (the tenant admin), `assisted-filing` (the operator who filed for the person), `export` (a bulk export), `support`
             * @enum {unknown}
             */
            purpose: "handling" | "verification" | "complaint-handling" | "supervision" | "assisted-filing" | "export" | "support";
            purposeName: {
                id: string;
                en: string;
            };
            record: {
                /**
                 * @description What was read: the record, or one of its files (`item` names which)
                 * @enum {unknown}
                 */
                type: "application" | "application-document" | "application-output" | "complaint" | "complaint-attachment" | "booking";
                /** Format: uuid */
                id: string;
                /** @description Tracking code of the application or complaint */
                ref: string | null;
                /** @description The document id, output code or attachment id read */
                item: string | null;
            };
            reader: {
                subject: string;
                username: string;
                /**
                 * @description The reader’s capacity on this record
                 * @enum {unknown}
                 */
                role: "officer" | "tenant-admin" | "village-operator" | "filer" | "platform-admin" | "system";
                agency: {
                    code: string;
                    name: string | null;
                } | null;
                /** @description The pseudonym the person sees for this reader */
                ref: string;
            };
            person: {
                /** @description The person’s account; null when filed for at the counter, or hidden */
                subject: string | null;
                /** @description The entry carries the digest of the person’s NIK (never the NIK) */
                identifiedByNik: boolean;
                /** @description An anonymous complainant: who it is is not shown here (the person sees the entry in their own log) */
                hidden: boolean;
            };
        };
        MyPersonalDataAccess: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            at: string;
            /**
             * @description `handling` (an officer works the file), `verification` (an officer checks a supporting document), `complaint-handling`, `supervision` (the tenant admin), `assisted-filing` (the operator who filed for the person), `export` (a bulk export), `support`
             * @enum {unknown}
             */
            purpose: "handling" | "verification" | "complaint-handling" | "supervision" | "assisted-filing" | "export" | "support";
            purposeName: {
                id: string;
                en: string;
            };
            record: {
                /**
                 * @description What was read: the record, or one of its files (`item` names which)
                 * @enum {unknown}
                 */
                type: "application" | "application-document" | "application-output" | "complaint" | "complaint-attachment" | "booking";
                /** Format: uuid */
                id: string;
                /** @description Tracking code of the application or complaint */
                ref: string | null;
                /** @description The document id, output code or attachment id read */
                item: string | null;
            };
            /** @description Who read, as role and agency: the institution is accountable; the tenant admin can name the person behind `ref` */
            reader: {
                /**
                 * @description The reader’s capacity on this record
                 * @enum {unknown}
                 */
                role: "officer" | "tenant-admin" | "village-operator" | "filer" | "platform-admin" | "system";
                roleName: {
                    id: string;
                    en: string;
                };
                agency: {
                    code: string;
                    name: string | null;
                } | null;
                /** @description A stable pseudonym of the staff member in this tenant: quote it to the tenant admin or in a complaint */
                ref: string;
            };
        };
        RetentionLine: {
            code: string;
            record: {
                id: string;
                en: string;
            };
            /** @description Days from `from` as it applies in this tenant; null: kept (not purged by the platform) */
            days: number | null;
            /** @description The platform’s default period */
            defaultDays: number | null;
            /**
             * @description `regency`: the tenant admin set `days` (ditetapkan oleh regency), citing `decree`
             * @enum {unknown}
             */
            setBy: "platform" | "regency";
            /** @description What the regency cites for its period (its JRA, a Perbup…) */
            decree: string | null;
            /** @description The periods a regency may set; null: fixed by the platform */
            bounds: {
                min: number;
                max: number;
            } | null;
            /** @description The regency’s setting’s version (quote it as the ETag `"n"` in If-Match to change it); null: not set */
            version: number | null;
            from: {
                id: string;
                en: string;
            };
            then: {
                id: string;
                en: string;
            };
            basis: string;
        };
        MyData: {
            /** Format: date-time */
            generatedAt: string;
            tenant: {
                slug: string;
                name: string;
            };
            /** @description As the identity provider (Keycloak) vouches for it; the platform keeps no account table of its own */
            account: {
                subject: string;
                username: string;
                name: string | null;
                email: string | null;
                /** @constant */
                source: "identity-provider";
            };
            /** @description Applications of which this account is the applicant, drafts included (not those it filed for others) */
            applications: {
                /** Format: uuid */
                id: string;
                trackingCode: string;
                service: string;
                agency: string;
                channel: string;
                status: string;
                state: string;
                /** Format: date-time */
                createdAt: string;
                submittedAt: string | null;
                completedAt: string | null;
                /** @description NIK, name and phone as filed */
                applicant: {
                    [key: string]: unknown;
                };
                /** @description The form data as filed */
                data: {
                    [key: string]: unknown;
                };
                consent: {
                    statement: string;
                    method: string;
                    at: string;
                } | null;
                /** @description Every step, by role (staff names are not the person’s data) */
                timeline: {
                    /** Format: date-time */
                    at: string;
                    action: string;
                    actorRole: string;
                    from: string | null;
                    to: string | null;
                    comment: string | null;
                }[];
                documents: {
                    id: string;
                    code: string | null;
                    filename: string | null;
                    mediaType: string;
                    size: number;
                    sha256: string;
                    /** Format: date-time */
                    createdAt: string;
                    /** @description Ask it (signed in as this person) for a short-lived link to the file */
                    downloadPath: string;
                }[];
                outputs: {
                    code: string;
                    kind: string;
                    /** Format: date-time */
                    issuedAt: string;
                    validUntil: string | null;
                    downloadPath: string | null;
                }[];
            }[];
            bookings: {
                /** Format: uuid */
                id: string;
                service: string;
                agency: string;
                date: string;
                start: string;
                end: string;
                status: string;
                channel: string;
                name: string | null;
                queueNumber: number | null;
                counter: string | null;
                applicationId: string | null;
                /** Format: date-time */
                createdAt: string;
            }[];
            /** @description Complaints of which this account is the complainant, anonymous ones included (not those it filed for others) */
            complaints: {
                /** Format: uuid */
                id: string;
                trackingCode: string;
                kind: string;
                category: string;
                title: string;
                body: string;
                location: string | null;
                incidentDate: string | null;
                anonymous: boolean;
                confidential: boolean;
                channel: string;
                status: string;
                /** @description The contact details as filed */
                complainant: {
                    [key: string]: unknown;
                };
                applicationId: string | null;
                /** Format: date-time */
                createdAt: string;
                closedAt: string | null;
                rating: number | null;
                /** @description The public thread, by role (internal staff notes are not included) */
                thread: {
                    /** Format: date-time */
                    at: string;
                    authorRole: string;
                    kind: string;
                    body: string | null;
                }[];
                attachments: {
                    id: string;
                    code: string | null;
                    filename: string | null;
                    mediaType: string;
                    size: number;
                    sha256: string;
                    /** Format: date-time */
                    createdAt: string;
                    /** @description Ask it (signed in as this person) for a short-lived link to the file */
                    downloadPath: string;
                }[];
            }[];
            /** @description SKM invitations still tied to this account (answers are anonymous and not here) */
            surveyInvitations: {
                /** Format: uuid */
                id: string;
                service: string;
                agency: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                expiresAt: string;
                answered: boolean;
            }[];
            /** @description Every recorded read of this person’s data by someone else, newest first */
            accessLog: components["schemas"]["MyPersonalDataAccess"][];
            /** @description How long each kind of record is kept, and why (docs/privacy.md) */
            retention: components["schemas"]["RetentionLine"][];
        };
        EventType: {
            type: string;
            description: {
                id: string;
                en: string;
            };
            data: string[];
        };
        EventTypeList: {
            items: components["schemas"]["EventType"][];
        };
        EventEndpointWithSecret: {
            /** Format: uuid */
            id: string;
            url: string;
            description: string;
            eventTypes: string[];
            agency: string | null;
            active: boolean;
            disabledReason: string | null;
            disabledAt: string | null;
            /** @description The last 4 characters of the signing secret */
            secretHint: string;
            previousSecretUntil: string | null;
            /** @description Migrated from the deprecated complaint webhook */
            legacy: boolean;
            /** @description Also sends X-Satupintu-Signature/-Timestamp/-Delivery (the complaint webhook’s scheme) */
            legacyHeaders: boolean;
            maxAttempts: number;
            /** Format: date-time */
            createdAt: string;
            updatedBy: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The signing secret (`whsec_` + base64 of 32 bytes): only in the answer that made it; store it then */
            secret?: string;
        };
        EventEndpoint: {
            /** Format: uuid */
            id: string;
            url: string;
            description: string;
            eventTypes: string[];
            agency: string | null;
            active: boolean;
            disabledReason: string | null;
            disabledAt: string | null;
            /** @description The last 4 characters of the signing secret */
            secretHint: string;
            previousSecretUntil: string | null;
            /** @description Migrated from the deprecated complaint webhook */
            legacy: boolean;
            /** @description Also sends X-Satupintu-Signature/-Timestamp/-Delivery (the complaint webhook’s scheme) */
            legacyHeaders: boolean;
            maxAttempts: number;
            /** Format: date-time */
            createdAt: string;
            updatedBy: string;
            /** Format: date-time */
            updatedAt: string;
        };
        EventDelivery: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            endpointId: string;
            /** @description The `webhook-id` header: the same on every attempt and every replay */
            messageId: string;
            type: string;
            /** @enum {unknown} */
            status: "pending" | "delivered" | "dead";
            attempts: number;
            maxAttempts: number;
            nextAttemptAt: string | null;
            lastStatusCode: number | null;
            lastError: string | null;
            /** Format: date-time */
            createdAt: string;
            deliveredAt: string | null;
            deadAt: string | null;
            replayOf: string | null;
            replayedBy: string | null;
        };
        EventDeliveryDetail: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            endpointId: string;
            /** @description The `webhook-id` header: the same on every attempt and every replay */
            messageId: string;
            type: string;
            /** @enum {unknown} */
            status: "pending" | "delivered" | "dead";
            attempts: number;
            maxAttempts: number;
            nextAttemptAt: string | null;
            lastStatusCode: number | null;
            lastError: string | null;
            /** Format: date-time */
            createdAt: string;
            deliveredAt: string | null;
            deadAt: string | null;
            replayOf: string | null;
            replayedBy: string | null;
            payload: components["schemas"]["EventPayload"];
            /** @description Every attempt, in order */
            log: {
                attempt: number;
                /** Format: date-time */
                at: string;
                url: string;
                statusCode: number | null;
                error: string | null;
                response: string | null;
                durationMs: number;
            }[];
        };
        EventReplayResult: {
            replayed: number;
            deliveries: string[];
        };
        ProblemKind: {
            /** @description The stable code */
            code: string;
            status: number;
            /** @description The `type` member of problems of this kind */
            type: string;
            title: {
                id: string;
                en: string;
            };
            description: {
                id: string;
                en: string;
            };
        };
    };
    responses: {
        /**
         * @description `PATH_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `QUERY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `IDEMPOTENCY_KEY_INVALID` — Idempotency-Key tidak valid / Invalid Idempotency-Key
         *
         *     `UPLOAD_EMPTY` — Berkas kosong / The file is empty
         *
         *     `ATTACHMENT_COUNT_EXCEEDED` — Paling banyak 5 lampiran. / At most 5 attachments.
         *
         *     `UPLOAD_ABORTED` — Unggahan terputus / The upload was interrupted
         */
        "400.23a0cd958c8a": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "PATH_INVALID" | "QUERY_INVALID" | "IDEMPOTENCY_KEY_INVALID" | "UPLOAD_EMPTY" | "ATTACHMENT_COUNT_EXCEEDED" | "UPLOAD_ABORTED";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /**
         * @description `MALFORMED_JSON` — Badan permintaan bukan JSON yang sah / The request body is not valid JSON
         *
         *     `BODY_TOO_DEEP` — Badan permintaan terlalu bersarang / The request body is nested too deeply
         *
         *     `BAD_REQUEST` — Permintaan tidak dapat diproses / The request could not be processed
         */
        "400.malformed-json.body-too-deep.bad-request": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "MALFORMED_JSON" | "BODY_TOO_DEEP" | "BAD_REQUEST";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /**
         * @description `MALFORMED_JSON` — Badan permintaan bukan JSON yang sah / The request body is not valid JSON
         *
         *     `BODY_TOO_DEEP` — Badan permintaan terlalu bersarang / The request body is nested too deeply
         *
         *     `BAD_REQUEST` — Permintaan tidak dapat diproses / The request could not be processed
         *
         *     `IDEMPOTENCY_KEY_INVALID` — Idempotency-Key tidak valid / Invalid Idempotency-Key
         */
        "400.malformed-json.body-too-deep.bad-request.idempotency-key-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "MALFORMED_JSON" | "BODY_TOO_DEEP" | "BAD_REQUEST" | "IDEMPOTENCY_KEY_INVALID";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /** @description `PATH_INVALID` — Data permintaan tidak valid / The request data is invalid */
        "400.path-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "PATH_INVALID";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /**
         * @description `PATH_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `IDEMPOTENCY_KEY_INVALID` — Idempotency-Key tidak valid / Invalid Idempotency-Key
         */
        "400.path-invalid.idempotency-key-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "PATH_INVALID" | "IDEMPOTENCY_KEY_INVALID";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /**
         * @description `PATH_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `MALFORMED_JSON` — Badan permintaan bukan JSON yang sah / The request body is not valid JSON
         *
         *     `BODY_TOO_DEEP` — Badan permintaan terlalu bersarang / The request body is nested too deeply
         *
         *     `BAD_REQUEST` — Permintaan tidak dapat diproses / The request could not be processed
         */
        "400.path-invalid.malformed-json.body-too-deep.bad-request": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "PATH_INVALID" | "MALFORMED_JSON" | "BODY_TOO_DEEP" | "BAD_REQUEST";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /**
         * @description `PATH_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `MALFORMED_JSON` — Badan permintaan bukan JSON yang sah / The request body is not valid JSON
         *
         *     `BODY_TOO_DEEP` — Badan permintaan terlalu bersarang / The request body is nested too deeply
         *
         *     `BAD_REQUEST` — Permintaan tidak dapat diproses / The request could not be processed
         *
         *     `IDEMPOTENCY_KEY_INVALID` — Idempotency-Key tidak valid / Invalid Idempotency-Key
         */
        "400.path-invalid.malformed-json.body-too-deep.bad-request.idempotency-key-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "PATH_INVALID" | "MALFORMED_JSON" | "BODY_TOO_DEEP" | "BAD_REQUEST" | "IDEMPOTENCY_KEY_INVALID";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /**
         * @description `PATH_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `MALFORMED_JSON` — Badan permintaan bukan JSON yang sah / The request body is not valid JSON
         *
         *     `BODY_TOO_DEEP` — Badan permintaan terlalu bersarang / The request body is nested too deeply
         *
         *     `BAD_REQUEST` — Permintaan tidak dapat diproses / The request could not be processed
         *
         *     `PERIOD_INVALID` — Periode tidak valid / Invalid period
         */
        "400.path-invalid.malformed-json.body-too-deep.bad-request.period-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "PATH_INVALID" | "MALFORMED_JSON" | "BODY_TOO_DEEP" | "BAD_REQUEST" | "PERIOD_INVALID";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /**
         * @description `PATH_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `QUERY_INVALID` — Data permintaan tidak valid / The request data is invalid
         */
        "400.path-invalid.query-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "PATH_INVALID" | "QUERY_INVALID";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /**
         * @description `PATH_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `QUERY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `CURSOR_INVALID` — Kursor halaman tidak valid / Invalid page cursor
         */
        "400.path-invalid.query-invalid.cursor-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "PATH_INVALID" | "QUERY_INVALID" | "CURSOR_INVALID";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /**
         * @description `PATH_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `QUERY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `CURSOR_INVALID` — Kursor halaman tidak valid / Invalid page cursor
         *
         *     `ACCESS_LOG_RANGE_INVALID` — Rentang waktu tidak valid / Invalid time range
         */
        "400.path-invalid.query-invalid.cursor-invalid.access-log-range-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "PATH_INVALID" | "QUERY_INVALID" | "CURSOR_INVALID" | "ACCESS_LOG_RANGE_INVALID";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /**
         * @description `PATH_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `QUERY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `IDEMPOTENCY_KEY_INVALID` — Idempotency-Key tidak valid / Invalid Idempotency-Key
         *
         *     `UPLOAD_EMPTY` — Berkas kosong / The file is empty
         *
         *     `UPLOAD_ABORTED` — Unggahan terputus / The upload was interrupted
         */
        "400.path-invalid.query-invalid.idempotency-key-invalid.upload-empty.upload-aborted": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "PATH_INVALID" | "QUERY_INVALID" | "IDEMPOTENCY_KEY_INVALID" | "UPLOAD_EMPTY" | "UPLOAD_ABORTED";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /**
         * @description `PATH_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `QUERY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `PERIOD_INVALID` — Periode tidak valid / Invalid period
         */
        "400.path-invalid.query-invalid.period-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "PATH_INVALID" | "QUERY_INVALID" | "PERIOD_INVALID";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /** @description `QUERY_INVALID` — Data permintaan tidak valid / The request data is invalid */
        "400.query-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "QUERY_INVALID";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /**
         * @description `QUERY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `CURSOR_INVALID` — Kursor halaman tidak valid / Invalid page cursor
         */
        "400.query-invalid.cursor-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "QUERY_INVALID" | "CURSOR_INVALID";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /**
         * @description `QUERY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `CURSOR_INVALID` — Kursor halaman tidak valid / Invalid page cursor
         *
         *     `PERIOD_INVALID` — Periode tidak valid / Invalid period
         */
        "400.query-invalid.cursor-invalid.period-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "QUERY_INVALID" | "CURSOR_INVALID" | "PERIOD_INVALID";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /**
         * @description `QUERY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `PERIOD_INVALID` — Periode tidak valid / Invalid period
         */
        "400.query-invalid.period-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "QUERY_INVALID" | "PERIOD_INVALID";
                    /** @constant */
                    status?: 400;
                };
            };
        };
        /**
         * @description `AUTH_REQUIRED` — Perlu masuk (token Bearer) / Authentication required (Bearer token)
         *
         *     `TOKEN_INVALID` — Token tidak sah / Invalid token
         */
        "401.auth-required.token-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                "WWW-Authenticate": components["headers"]["WWW-Authenticate.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "AUTH_REQUIRED" | "TOKEN_INVALID";
                    /** @constant */
                    status?: 401;
                };
            };
        };
        /** @description `NOTIFICATION_CALLBACK_UNVERIFIED` — Tanda tangan laporan penyedia tidak valid / The provider report’s signature does not verify */
        "403.notification-callback-unverified": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "NOTIFICATION_CALLBACK_UNVERIFIED";
                    /** @constant */
                    status?: 403;
                };
            };
        };
        /** @description `ROLE_REQUIRED` — Peran Anda tidak mengizinkan tindakan ini / Your role does not allow this */
        "403.role-required": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "ROLE_REQUIRED";
                    /** @constant */
                    status?: 403;
                };
            };
        };
        /**
         * @description `ROLE_REQUIRED` — Peran Anda tidak mengizinkan tindakan ini / Your role does not allow this
         *
         *     `AGENCY_NOT_ALLOWED` — Anda tidak bertugas di instansi ini / You do not serve this agency
         */
        "403.role-required.agency-not-allowed": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "ROLE_REQUIRED" | "AGENCY_NOT_ALLOWED";
                    /** @constant */
                    status?: 403;
                };
            };
        };
        /**
         * @description `ROLE_REQUIRED` — Peran Anda tidak mengizinkan tindakan ini / Your role does not allow this
         *
         *     `TENANT_NOT_ALLOWED` — Anda bukan anggota tenant ini / You are not a member of this tenant
         */
        "403.role-required.tenant-not-allowed": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "ROLE_REQUIRED" | "TENANT_NOT_ALLOWED";
                    /** @constant */
                    status?: 403;
                };
            };
        };
        /**
         * @description `ROLE_REQUIRED` — Peran Anda tidak mengizinkan tindakan ini / Your role does not allow this
         *
         *     `TENANT_NOT_ALLOWED` — Anda bukan anggota tenant ini / You are not a member of this tenant
         *
         *     `AGENCY_NOT_ALLOWED` — Anda tidak bertugas di instansi ini / You do not serve this agency
         */
        "403.role-required.tenant-not-allowed.agency-not-allowed": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "ROLE_REQUIRED" | "TENANT_NOT_ALLOWED" | "AGENCY_NOT_ALLOWED";
                    /** @constant */
                    status?: 403;
                };
            };
        };
        /**
         * @description `ROLE_REQUIRED` — Peran Anda tidak mengizinkan tindakan ini / Your role does not allow this
         *
         *     `TENANT_NOT_ALLOWED` — Anda bukan anggota tenant ini / You are not a member of this tenant
         *
         *     `APPLICATION_EDIT_NOT_ALLOWED` — Hanya pemohon, atau petugas yang mengajukan atas persetujuannya, yang dapat mengubah permohonan ini / Only the applicant, or the staff member filing with their consent, may change this application
         */
        "403.role-required.tenant-not-allowed.application-edit-not-allowed": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "ROLE_REQUIRED" | "TENANT_NOT_ALLOWED" | "APPLICATION_EDIT_NOT_ALLOWED";
                    /** @constant */
                    status?: 403;
                };
            };
        };
        /** @description `HOLIDAY_NOT_FOUND` — Hari libur tidak ditemukan / Holiday not found */
        "404.holiday-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "HOLIDAY_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /** @description `PLUGIN_NOT_FOUND` — Plugin tidak ditemukan / Plugin not found */
        "404.plugin-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "PLUGIN_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /** @description `PROBLEM_TYPE_NOT_FOUND` — Jenis masalah tidak dikenal / Unknown problem type */
        "404.problem-type-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "PROBLEM_TYPE_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /** @description `REGENCY_NOT_FOUND` — Kabupaten/kota tidak ditemukan / Regency/city not found */
        "404.regency-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "REGENCY_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /** @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found */
        "404.tenant-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `AGENCY_NOT_JOINED` — Instansi belum bergabung / The agency has not joined
         */
        "404.tenant-not-found.agency-not-joined": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "AGENCY_NOT_JOINED";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `APPLICATION_NOT_FOUND` — Permohonan tidak ditemukan / Application not found
         */
        "404.tenant-not-found.application-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "APPLICATION_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `APPLICATION_NOT_FOUND` — Permohonan tidak ditemukan / Application not found
         *
         *     `DOCUMENT_TYPE_UNKNOWN` — Jenis dokumen tidak dikenal untuk layanan ini / Unknown document type for this service
         *
         *     `SERVICE_NOT_FOUND` — Layanan tidak ditemukan / Service not found
         */
        "404.tenant-not-found.application-not-found.document-type-unknown.service-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "APPLICATION_NOT_FOUND" | "DOCUMENT_TYPE_UNKNOWN" | "SERVICE_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `APPLICATION_NOT_FOUND` — Permohonan tidak ditemukan / Application not found
         *
         *     `SERVICE_NOT_FOUND` — Layanan tidak ditemukan / Service not found
         */
        "404.tenant-not-found.application-not-found.service-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "APPLICATION_NOT_FOUND" | "SERVICE_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `BOOKING_NOT_FOUND` — Pemesanan tidak ditemukan / Booking not found
         */
        "404.tenant-not-found.booking-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "BOOKING_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `BOOKING_NOT_FOUND` — Pemesanan tidak ditemukan / Booking not found
         *
         *     `SESSION_NOT_FOUND` — Sesi tidak ditemukan / Session not found
         */
        "404.tenant-not-found.booking-not-found.session-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "BOOKING_NOT_FOUND" | "SESSION_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `COMPLAINT_NOT_FOUND` — Pengaduan tidak ditemukan / Complaint not found
         */
        "404.tenant-not-found.complaint-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "COMPLAINT_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `CONTACT_NOT_FOUND` — Saluran ini belum diatur / This channel is not set up
         */
        "404.tenant-not-found.contact-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "CONTACT_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `EVENT_DELIVERY_NOT_FOUND` — Pengiriman peristiwa tidak ditemukan / Event delivery not found
         */
        "404.tenant-not-found.event-delivery-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "EVENT_DELIVERY_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `EVENT_DELIVERY_NOT_FOUND` — Pengiriman peristiwa tidak ditemukan / Event delivery not found
         *
         *     `EVENT_ENDPOINT_NOT_FOUND` — Endpoint tidak ditemukan / Endpoint not found
         */
        "404.tenant-not-found.event-delivery-not-found.event-endpoint-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "EVENT_DELIVERY_NOT_FOUND" | "EVENT_ENDPOINT_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `EVENT_ENDPOINT_NOT_FOUND` — Endpoint tidak ditemukan / Endpoint not found
         */
        "404.tenant-not-found.event-endpoint-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "EVENT_ENDPOINT_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `NOTIFICATION_CALLBACK_NOT_CONFIGURED` — Saluran ini belum diatur untuk tenant ini / This channel is not set up for this tenant
         */
        "404.tenant-not-found.notification-callback-not-configured": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "NOTIFICATION_CALLBACK_NOT_CONFIGURED";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `NOTIFICATION_NOT_FOUND` — Pesan tidak ditemukan / Message not found
         */
        "404.tenant-not-found.notification-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "NOTIFICATION_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `PLUGIN_NOT_FOUND` — Plugin tidak ditemukan / Plugin not found
         */
        "404.tenant-not-found.plugin-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "PLUGIN_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `PLUGIN_NOT_INSTALLED` — Plugin belum dipasang di tenant ini / The plugin is not installed in this tenant
         */
        "404.tenant-not-found.plugin-not-installed": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "PLUGIN_NOT_INSTALLED";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `PLUGIN_NOT_INSTALLED` — Plugin belum dipasang di tenant ini / The plugin is not installed in this tenant
         *
         *     `SERVICE_NOT_FOUND` — Layanan tidak ditemukan / Service not found
         */
        "404.tenant-not-found.plugin-not-installed.service-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "PLUGIN_NOT_INSTALLED" | "SERVICE_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `PLUGIN_NOT_INSTALLED` — Plugin belum dipasang di tenant ini / The plugin is not installed in this tenant
         *
         *     `SERVICE_NOT_FOUND` — Layanan tidak ditemukan / Service not found
         *
         *     `OVERLAY_NOT_SET` — Layanan ini belum punya overlay daerah / This service has no regency overlay yet
         */
        "404.tenant-not-found.plugin-not-installed.service-not-found.overlay-not-set": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "PLUGIN_NOT_INSTALLED" | "SERVICE_NOT_FOUND" | "OVERLAY_NOT_SET";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `QUEUE_TICKET_NOT_FOUND` — Nomor antrean tidak ditemukan / Queue number not found
         */
        "404.tenant-not-found.queue-ticket-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "QUEUE_TICKET_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `RETENTION_UNKNOWN` — Baris jadwal retensi tidak dikenal / Unknown retention schedule line
         */
        "404.tenant-not-found.retention-unknown": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "RETENTION_UNKNOWN";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `SERVICE_NOT_FOUND` — Layanan tidak ditemukan / Service not found
         */
        "404.tenant-not-found.service-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "SERVICE_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `SESSION_NOT_FOUND` — Sesi tidak ditemukan / Session not found
         */
        "404.tenant-not-found.session-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "SESSION_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `SKM_FOLLOWUP_NOT_FOUND` — Tindak lanjut tidak ditemukan / Follow-up not found
         */
        "404.tenant-not-found.skm-followup-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "SKM_FOLLOWUP_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `SKM_INVITATION_NOT_FOUND` — Undangan survei tidak ditemukan / Survey invitation not found
         */
        "404.tenant-not-found.skm-invitation-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "SKM_INVITATION_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `STANDARD_NOT_PUBLISHED` — Standar pelayanan belum ditetapkan / The standar pelayanan is not published
         */
        "404.tenant-not-found.standard-not-published": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "STANDARD_NOT_PUBLISHED";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `WEBHOOK_DELIVERY_NOT_FOUND` — Pengiriman webhook tidak ditemukan / Webhook delivery not found
         */
        "404.tenant-not-found.webhook-delivery-not-found": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "WEBHOOK_DELIVERY_NOT_FOUND";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `WEBHOOK_DELIVERY_NOT_FOUND` — Pengiriman webhook tidak ditemukan / Webhook delivery not found
         *
         *     `WEBHOOK_NOT_CONFIGURED` — Webhook pengaduan belum diatur / No complaint webhook is configured
         */
        "404.tenant-not-found.webhook-delivery-not-found.webhook-not-configured": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "WEBHOOK_DELIVERY_NOT_FOUND" | "WEBHOOK_NOT_CONFIGURED";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `TENANT_NOT_FOUND` — Tenant tidak ditemukan / Tenant not found
         *
         *     `WEBHOOK_NOT_CONFIGURED` — Webhook pengaduan belum diatur / No complaint webhook is configured
         */
        "404.tenant-not-found.webhook-not-configured": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_NOT_FOUND" | "WEBHOOK_NOT_CONFIGURED";
                    /** @constant */
                    status?: 404;
                };
            };
        };
        /**
         * @description `COMPLAINT_STATE_INVALID` — Tindakan tidak dapat dilakukan pada status pengaduan ini / The action is not possible in the complaint’s current status
         *
         *     `COMPLAINT_ACTION_NOT_ALLOWED` — Anda tidak berwenang atas tindakan ini / You may not take this action on this complaint
         *
         *     `COMPLAINT_REOPEN_WINDOW_CLOSED` — Batas waktu membuka kembali pengaduan sudah lewat / The window to reopen the complaint has passed
         *
         *     `COMPLAINT_REOPEN_LIMIT` — Pengaduan hanya dapat dibuka kembali 2 kali / A complaint can be reopened at most 2 times
         */
        "409.71929c4ad3a6": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "COMPLAINT_STATE_INVALID" | "COMPLAINT_ACTION_NOT_ALLOWED" | "COMPLAINT_REOPEN_WINDOW_CLOSED" | "COMPLAINT_REOPEN_LIMIT";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /**
         * @description `ACTION_NOT_ALLOWED` — Tindakan tidak dapat dilakukan sekarang / This action is not allowed now
         *
         *     `VERSION_CONFLICT` — Permohonan telah diubah orang lain / The application was changed by someone else
         *
         *     `ACTION_GUARD_FAILED` — Syarat tindakan belum terpenuhi / The action’s condition is not met
         */
        "409.action-not-allowed.version-conflict.action-guard-failed": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "ACTION_NOT_ALLOWED" | "VERSION_CONFLICT" | "ACTION_GUARD_FAILED";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /** @description `ALREADY_CLAIMED` — Sudah diambil petugas lain / Already claimed by another officer */
        "409.already-claimed": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "ALREADY_CLAIMED";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /** @description `APPLICATION_NOT_EDITABLE` — Permohonan tidak dapat diubah pada tahap ini / The application cannot be changed at this stage */
        "409.application-not-editable": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "APPLICATION_NOT_EDITABLE";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /**
         * @description `APPLICATION_NOT_EDITABLE` — Permohonan tidak dapat diubah pada tahap ini / The application cannot be changed at this stage
         *
         *     `DOCUMENT_COUNT_EXCEEDED` — Jumlah berkas melebihi batas / Too many files
         */
        "409.application-not-editable.document-count-exceeded": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "APPLICATION_NOT_EDITABLE" | "DOCUMENT_COUNT_EXCEEDED";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /** @description `BOOKING_NOT_ACTIVE` — Pemesanan tidak aktif / The booking is not active */
        "409.booking-not-active": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BOOKING_NOT_ACTIVE";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /**
         * @description `BOOKING_NOT_ACTIVE` — Pemesanan tidak aktif / The booking is not active
         *
         *     `SESSION_FULL` — Sesi penuh / The session is full
         *
         *     `ALREADY_BOOKED` — Anda sudah memesan sesi ini / You already booked this session
         *
         *     `BOOKING_LIMIT_REACHED` — Batas pemesanan tercapai / Booking limit reached
         */
        "409.booking-not-active.session-full.already-booked.booking-limit-reached": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BOOKING_NOT_ACTIVE" | "SESSION_FULL" | "ALREADY_BOOKED" | "BOOKING_LIMIT_REACHED";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /** @description `COMPLAINT_ACTION_NOT_ALLOWED` — Anda tidak berwenang atas tindakan ini / You may not take this action on this complaint */
        "409.complaint-action-not-allowed": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "COMPLAINT_ACTION_NOT_ALLOWED";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /**
         * @description `COMPLAINT_STATE_INVALID` — Tindakan tidak dapat dilakukan pada status pengaduan ini / The action is not possible in the complaint’s current status
         *
         *     `COMPLAINT_ACTION_NOT_ALLOWED` — Anda tidak berwenang atas tindakan ini / You may not take this action on this complaint
         */
        "409.complaint-state-invalid.complaint-action-not-allowed": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "COMPLAINT_STATE_INVALID" | "COMPLAINT_ACTION_NOT_ALLOWED";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /**
         * @description `COMPLAINT_STATE_INVALID` — Tindakan tidak dapat dilakukan pada status pengaduan ini / The action is not possible in the complaint’s current status
         *
         *     `COMPLAINT_ACTION_NOT_ALLOWED` — Anda tidak berwenang atas tindakan ini / You may not take this action on this complaint
         *
         *     `COMPLAINT_ALREADY_RATED` — Jawaban sudah dinilai / The answer has already been rated
         */
        "409.complaint-state-invalid.complaint-action-not-allowed.complaint-already-rated": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "COMPLAINT_STATE_INVALID" | "COMPLAINT_ACTION_NOT_ALLOWED" | "COMPLAINT_ALREADY_RATED";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /**
         * @description `EVENT_DELIVERY_NOT_DEAD` — Hanya pengiriman yang gagal total yang dapat dikirim ulang / Only dead deliveries can be replayed
         *
         *     `EVENT_ENDPOINT_INACTIVE` — Endpoint sedang nonaktif / The endpoint is switched off
         */
        "409.event-delivery-not-dead.event-endpoint-inactive": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "EVENT_DELIVERY_NOT_DEAD" | "EVENT_ENDPOINT_INACTIVE";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /** @description `EVENT_ENDPOINT_INACTIVE` — Endpoint sedang nonaktif / The endpoint is switched off */
        "409.event-endpoint-inactive": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "EVENT_ENDPOINT_INACTIVE";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /** @description `LIFECYCLE_MOVE_INVALID` — Perubahan status tidak diizinkan / This status change is not allowed */
        "409.lifecycle-move-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "LIFECYCLE_MOVE_INVALID";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /** @description `NO_MODEL_TENANT` — Tenant ini bukan hasil kaji tiru / This tenant has no role model */
        "409.no-model-tenant": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "NO_MODEL_TENANT";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /**
         * @description `NO_MODEL_TENANT` — Tenant ini bukan hasil kaji tiru / This tenant has no role model
         *
         *     `OVERLAY_CONFLICT` — Overlay tidak cocok dengan versi tujuan / Overlays do not fit the target version
         */
        "409.no-model-tenant.overlay-conflict": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "NO_MODEL_TENANT" | "OVERLAY_CONFLICT";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /** @description `OVERLAY_CONFLICT` — Overlay tidak cocok dengan versi tujuan / Overlays do not fit the target version */
        "409.overlay-conflict": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "OVERLAY_CONFLICT";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /**
         * @description `PLUGIN_VERSION_IMMUTABLE` — Versi yang sudah terbit tidak dapat diubah / A published version cannot change
         *
         *     `PLUGIN_ID_TAKEN` — Id plugin milik instansi lain / Plugin id belongs to another agency
         */
        "409.plugin-version-immutable.plugin-id-taken": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "PLUGIN_VERSION_IMMUTABLE" | "PLUGIN_ID_TAKEN";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /** @description `QUEUE_TICKET_NOT_OPEN` — Permohonan belum diajukan atau sudah selesai / The application is not submitted or already closed */
        "409.queue-ticket-not-open": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "QUEUE_TICKET_NOT_OPEN";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /** @description `RECEIPT_NOT_READY` — Tanda terima ada setelah permohonan dikirim / The receipt exists once the application is submitted */
        "409.receipt-not-ready": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "RECEIPT_NOT_READY";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /** @description `RETENTION_FIXED` — Masa retensi ini tidak dapat diubah / This retention period cannot be changed */
        "409.retention-fixed": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "RETENTION_FIXED";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /**
         * @description `SESSION_FULL` — Sesi penuh / The session is full
         *
         *     `ALREADY_BOOKED` — Anda sudah memesan sesi ini / You already booked this session
         *
         *     `BOOKING_LIMIT_REACHED` — Batas pemesanan tercapai / Booking limit reached
         *
         *     `APPLICATION_ALREADY_BOOKED` — Permohonan ini sudah punya jadwal / This application already has an appointment
         */
        "409.session-full.already-booked.booking-limit-reached.application-already-booked": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "SESSION_FULL" | "ALREADY_BOOKED" | "BOOKING_LIMIT_REACHED" | "APPLICATION_ALREADY_BOOKED";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /** @description `SESSION_NOT_FLAGGED` — Sesi ini tidak perlu dikonfirmasi / This session needs no confirmation */
        "409.session-not-flagged": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "SESSION_NOT_FLAGGED";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /**
         * @description `SKM_ALREADY_ANSWERED` — Survei untuk layanan ini sudah diisi / This survey has already been answered
         *
         *     `SKM_INVITATION_EXPIRED` — Undangan survei sudah kedaluwarsa / The survey invitation has expired
         */
        "409.skm-already-answered.skm-invitation-expired": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "SKM_ALREADY_ANSWERED" | "SKM_INVITATION_EXPIRED";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /** @description `SKM_FOLLOWUP_CLOSED` — Tindak lanjut sudah ditutup / The follow-up is already closed */
        "409.skm-followup-closed": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "SKM_FOLLOWUP_CLOSED";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /**
         * @description `TENANT_SLUG_TAKEN` — Slug tenant sudah dipakai / Tenant slug already in use
         *
         *     `TENANT_CODE_TAKEN` — Kabupaten/kota ini sudah menjadi tenant / This regency/city is already a tenant
         */
        "409.tenant-slug-taken.tenant-code-taken": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_SLUG_TAKEN" | "TENANT_CODE_TAKEN";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /**
         * @description `WEBHOOK_DELIVERY_NOT_DEAD` — Hanya pengiriman yang gagal total yang dapat diantrekan ulang / Only dead-lettered deliveries can be requeued
         *
         *     `WEBHOOK_INACTIVE` — Webhook pengaduan sedang dinonaktifkan / The complaint webhook is switched off
         */
        "409.webhook-delivery-not-dead.webhook-inactive": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "WEBHOOK_DELIVERY_NOT_DEAD" | "WEBHOOK_INACTIVE";
                    /** @constant */
                    status?: 409;
                };
            };
        };
        /** @description `PRECONDITION_FAILED` — Data sudah diubah orang lain / The resource changed since you read it */
        "412.precondition-failed": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "PRECONDITION_FAILED";
                    /** @constant */
                    status?: 412;
                };
            };
        };
        /** @description `BODY_TOO_LARGE` — Badan permintaan terlalu besar / The request body is too large */
        "413.body-too-large": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_TOO_LARGE";
                    /** @constant */
                    status?: 413;
                };
            };
        };
        /** @description `UPLOAD_TOO_LARGE` — Berkas terlalu besar / The file is too large */
        "413.upload-too-large": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "UPLOAD_TOO_LARGE";
                    /** @constant */
                    status?: 413;
                };
            };
        };
        /**
         * @description `UNSUPPORTED_MEDIA_TYPE` — Kirim badan permintaan sebagai application/json / Send the request body as application/json
         *
         *     `UNSUPPORTED_ENCODING` — Enkode badan permintaan tidak didukung / Unsupported request body encoding
         */
        "415.unsupported-media-type.unsupported-encoding": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "UNSUPPORTED_MEDIA_TYPE" | "UNSUPPORTED_ENCODING";
                    /** @constant */
                    status?: 415;
                };
            };
        };
        /**
         * @description `UNSUPPORTED_MEDIA_TYPE` — Kirim badan permintaan sebagai application/json / Send the request body as application/json
         *
         *     `UNSUPPORTED_ENCODING` — Enkode badan permintaan tidak didukung / Unsupported request body encoding
         *
         *     `UPLOAD_TYPE_NOT_ACCEPTED` — Jenis berkas tidak diterima / File type not accepted
         */
        "415.unsupported-media-type.unsupported-encoding.upload-type-not-accepted": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "UNSUPPORTED_MEDIA_TYPE" | "UNSUPPORTED_ENCODING" | "UPLOAD_TYPE_NOT_ACCEPTED";
                    /** @constant */
                    status?: 415;
                };
            };
        };
        /** @description `UPLOAD_TYPE_NOT_ACCEPTED` — Jenis berkas tidak diterima / File type not accepted */
        "415.upload-type-not-accepted": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "UPLOAD_TYPE_NOT_ACCEPTED";
                    /** @constant */
                    status?: 415;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `IDEMPOTENCY_KEY_REUSED` — Idempotency-Key sudah dipakai untuk permintaan lain / Idempotency-Key was used for a different request
         *
         *     `COMPLAINT_SUBJECT_INVALID` — Objek pengaduan tidak valid / Invalid complaint subject
         *
         *     `COMPLAINANT_REQUIRED` — Petugas harus mengisi data pelapor / An officer must give the complainant’s details
         *
         *     `COMPLAINANT_NOT_ALLOWED` — Data pengaduan tidak valid / Invalid complaint data
         *
         *     `INCIDENT_DATE_INVALID` — Data pengaduan tidak valid / Invalid complaint data
         */
        "422.41411d08a2ac": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "IDEMPOTENCY_KEY_REUSED" | "COMPLAINT_SUBJECT_INVALID" | "COMPLAINANT_REQUIRED" | "COMPLAINANT_NOT_ALLOWED" | "INCIDENT_DATE_INVALID";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `IDEMPOTENCY_KEY_REUSED` — Idempotency-Key sudah dipakai untuk permintaan lain / Idempotency-Key was used for a different request
         *
         *     `APPLICANT_NOT_ALLOWED` — Hanya petugas yang dapat mengajukan atas nama warga / Only staff may file on behalf of a citizen
         *
         *     `APPLICANT_REQUIRED` — Sebutkan pemohon / Name the applicant
         *
         *     `CONSENT_REQUIRED` — Pengajuan atas nama warga perlu persetujuan dan data pemohon / Filing for a citizen needs their consent and details
         *
         *     `CHANNEL_NOT_OFFERED` — Layanan ini tidak melayani kanal tersebut / This service is not offered on that channel
         *
         *     `FORM_INVALID` — Isian formulir belum benar / The form data is invalid
         *
         *     `DOCUMENTS_MISSING` — Dokumen persyaratan belum lengkap / Required documents are missing
         */
        "422.872743c95607": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "IDEMPOTENCY_KEY_REUSED" | "APPLICANT_NOT_ALLOWED" | "APPLICANT_REQUIRED" | "CONSENT_REQUIRED" | "CHANNEL_NOT_OFFERED" | "FORM_INVALID" | "DOCUMENTS_MISSING";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /** @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid */
        "422.body-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `COMMENT_REQUIRED` — Tindakan ini perlu catatan / This action needs a comment
         *
         *     `FORM_INVALID` — Isian formulir belum benar / The form data is invalid
         */
        "422.body-invalid.comment-required.form-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "COMMENT_REQUIRED" | "FORM_INVALID";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `CONTACT_ADDRESS_INVALID` — Nomor atau alamat tidak valid / Invalid number or address
         */
        "422.body-invalid.contact-address-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "CONTACT_ADDRESS_INVALID";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `EVENT_ENDPOINT_URL_INVALID` — URL endpoint tidak valid / Invalid endpoint URL
         *
         *     `EVENT_TYPE_UNKNOWN` — Jenis peristiwa tidak dikenal / Unknown event type
         */
        "422.body-invalid.event-endpoint-url-invalid.event-type-unknown": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "EVENT_ENDPOINT_URL_INVALID" | "EVENT_TYPE_UNKNOWN";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `FORM_INVALID` — Isian formulir belum benar / The form data is invalid
         */
        "422.body-invalid.form-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "FORM_INVALID";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `IDEMPOTENCY_KEY_REUSED` — Idempotency-Key sudah dipakai untuk permintaan lain / Idempotency-Key was used for a different request
         */
        "422.body-invalid.idempotency-key-reused": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "IDEMPOTENCY_KEY_REUSED";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `IDEMPOTENCY_KEY_REUSED` — Idempotency-Key sudah dipakai untuk permintaan lain / Idempotency-Key was used for a different request
         *
         *     `BOOKING_APPLICATION_INVALID` — Permohonan tidak dapat dikaitkan dengan pemesanan ini / The application cannot be linked to this booking
         *
         *     `WALK_IN_BY_OFFICER` — Pendaftaran langsung dicatat petugas / Walk-ins are registered by an officer
         */
        "422.body-invalid.idempotency-key-reused.booking-application-invalid.walk-in-by-officer": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "IDEMPOTENCY_KEY_REUSED" | "BOOKING_APPLICATION_INVALID" | "WALK_IN_BY_OFFICER";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `IDEMPOTENCY_KEY_REUSED` — Idempotency-Key sudah dipakai untuk permintaan lain / Idempotency-Key was used for a different request
         *
         *     `COMPLAINT_AGENCY_REQUIRED` — Sebutkan instansi tujuan / Name the agency to route to
         *
         *     `REASON_REQUIRED` — Alasan wajib diisi / A reason is required
         */
        "422.body-invalid.idempotency-key-reused.complaint-agency-required.reason-required": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "IDEMPOTENCY_KEY_REUSED" | "COMPLAINT_AGENCY_REQUIRED" | "REASON_REQUIRED";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `IDEMPOTENCY_KEY_REUSED` — Idempotency-Key sudah dipakai untuk permintaan lain / Idempotency-Key was used for a different request
         *
         *     `JOURNEY_SOURCE_INVALID` — Dokumen dari layanan lain tidak dapat dipakai / The other service’s output cannot be used
         *
         *     `JOURNEY_OUTPUT_TOO_OLD` — Dokumen sudah melewati batas umur / The document is too old
         */
        "422.body-invalid.idempotency-key-reused.journey-source-invalid.journey-output-too-old": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "IDEMPOTENCY_KEY_REUSED" | "JOURNEY_SOURCE_INVALID" | "JOURNEY_OUTPUT_TOO_OLD";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `IDEMPOTENCY_KEY_REUSED` — Idempotency-Key sudah dipakai untuk permintaan lain / Idempotency-Key was used for a different request
         *
         *     `REASON_REQUIRED` — Alasan wajib diisi / A reason is required
         */
        "422.body-invalid.idempotency-key-reused.reason-required": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "IDEMPOTENCY_KEY_REUSED" | "REASON_REQUIRED";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `IDEMPOTENCY_KEY_REUSED` — Idempotency-Key sudah dipakai untuk permintaan lain / Idempotency-Key was used for a different request
         *
         *     `REGION_CODE_UNKNOWN` — Kode wilayah tidak dikenal / Unknown region code
         *
         *     `REGION_UNKNOWN` — Region platform tidak dikenal / Unknown platform region
         *
         *     `MODEL_INVALID` — Tenant percontohan tidak valid / Invalid role-model tenant
         */
        "422.body-invalid.idempotency-key-reused.region-code-unknown.region-unknown.model-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "IDEMPOTENCY_KEY_REUSED" | "REGION_CODE_UNKNOWN" | "REGION_UNKNOWN" | "MODEL_INVALID";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `IDEMPOTENCY_KEY_REUSED` — Idempotency-Key sudah dipakai untuk permintaan lain / Idempotency-Key was used for a different request
         *
         *     `SESSION_OF_ANOTHER_SERVICE` — Sesi itu untuk layanan lain / That session is for another service
         */
        "422.body-invalid.idempotency-key-reused.session-of-another-service": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "IDEMPOTENCY_KEY_REUSED" | "SESSION_OF_ANOTHER_SERVICE";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `LAPOR_TRACKING_ID_REQUIRED` — Data pengaduan tidak valid / Invalid complaint data
         */
        "422.body-invalid.lapor-tracking-id-required": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "LAPOR_TRACKING_ID_REQUIRED";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `LIFECYCLE_NOTE_REQUIRED` — Alasan wajib diisi untuk mundur satu tahap / A note is required to move back a stage
         *
         *     `LIFECYCLE_DATE_INVALID` — Tanggal tidak sesuai urutan tahapan / The date does not fit the lifecycle
         */
        "422.body-invalid.lifecycle-note-required.lifecycle-date-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "LIFECYCLE_NOTE_REQUIRED" | "LIFECYCLE_DATE_INVALID";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `NOTIFICATION_SENDER_SECRET_MISSING` — Token akses dan app secret WhatsApp wajib untuk nomor baru / A new WhatsApp number needs its access token and app secret
         *
         *     `SMS_SENDER_ID_INVALID` — Sender ID SMS tidak valid / Invalid SMS sender ID
         */
        "422.body-invalid.notification-sender-secret-missing.sms-sender-id-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "NOTIFICATION_SENDER_SECRET_MISSING" | "SMS_SENDER_ID_INVALID";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `ORIGIN_INVALID` — Asal (origin) tidak valid / Invalid origin
         */
        "422.body-invalid.origin-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "ORIGIN_INVALID";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `OVERLAY_INVALID` — Overlay tidak diizinkan atau tidak valid / The overlay is not allowed or invalid
         */
        "422.body-invalid.overlay-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "OVERLAY_INVALID";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `PLUGIN_MANIFEST_INVALID` — Manifest plugin tidak valid / Invalid plugin manifest
         *
         *     `PLUGIN_MANIFEST_TOO_COMPLEX` — Manifest plugin terlalu rumit untuk diperiksa / Plugin manifest too complex to check
         */
        "422.body-invalid.plugin-manifest-invalid.plugin-manifest-too-complex": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "PLUGIN_MANIFEST_INVALID" | "PLUGIN_MANIFEST_TOO_COMPLEX";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `RETENTION_OUT_OF_RANGE` — Masa retensi di luar batas / Retention period out of bounds
         */
        "422.body-invalid.retention-out-of-range": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "RETENTION_OUT_OF_RANGE";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `STANDARD_INCOMPLETE` — Standar pelayanan belum lengkap (14 komponen) / The standar pelayanan is incomplete (14 components)
         */
        "422.body-invalid.standard-incomplete": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "STANDARD_INCOMPLETE";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `BODY_INVALID` — Data permintaan tidak valid / The request data is invalid
         *
         *     `WEBHOOK_URL_INVALID` — URL webhook tidak valid / Invalid webhook URL
         */
        "422.body-invalid.webhook-url-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "BODY_INVALID" | "WEBHOOK_URL_INVALID";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /** @description `CONTACT_ADDRESS_INVALID` — Nomor atau alamat tidak valid / Invalid number or address */
        "422.contact-address-invalid": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "CONTACT_ADDRESS_INVALID";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /** @description `IDEMPOTENCY_KEY_REUSED` — Idempotency-Key sudah dipakai untuk permintaan lain / Idempotency-Key was used for a different request */
        "422.idempotency-key-reused": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "IDEMPOTENCY_KEY_REUSED";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /**
         * @description `IDEMPOTENCY_KEY_REUSED` — Idempotency-Key sudah dipakai untuk permintaan lain / Idempotency-Key was used for a different request
         *
         *     `FORM_INVALID` — Isian formulir belum benar / The form data is invalid
         *
         *     `DOCUMENTS_MISSING` — Dokumen persyaratan belum lengkap / Required documents are missing
         */
        "422.idempotency-key-reused.form-invalid.documents-missing": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "IDEMPOTENCY_KEY_REUSED" | "FORM_INVALID" | "DOCUMENTS_MISSING";
                    /** @constant */
                    status?: 422;
                };
            };
        };
        /** @description `PRECONDITION_REQUIRED` — Sertakan If-Match / If-Match is required */
        "428.precondition-required": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "PRECONDITION_REQUIRED";
                    /** @constant */
                    status?: 428;
                };
            };
        };
        /** @description `RATE_LIMITED` — Terlalu banyak permintaan / Too many requests */
        "429.rate-limited": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                "Retry-After": components["headers"]["Retry-After.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "RATE_LIMITED";
                    /** @constant */
                    status?: 429;
                };
            };
        };
        /**
         * @description `RATE_LIMITED` — Terlalu banyak permintaan / Too many requests
         *
         *     `PLUGIN_LINT_LIMIT` — Manifest instansi ini masih diperiksa / This agency’s manifests are still being checked
         */
        "429.rate-limited.plugin-lint-limit": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                "Retry-After": components["headers"]["Retry-After.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "RATE_LIMITED" | "PLUGIN_LINT_LIMIT";
                    /** @constant */
                    status?: 429;
                };
            };
        };
        /** @description `INTERNAL` — Terjadi kesalahan pada server / Internal server error */
        "500.internal": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "INTERNAL";
                    /** @constant */
                    status?: 500;
                };
            };
        };
        /**
         * @description `AUTH_UNAVAILABLE` — Layanan identitas tidak dapat dihubungi / The identity service cannot be reached
         *
         *     `DATABASE_UNAVAILABLE` — Basis data sedang tidak tersedia / The database is unavailable
         */
        "503.auth-unavailable.database-unavailable": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "AUTH_UNAVAILABLE" | "DATABASE_UNAVAILABLE";
                    /** @constant */
                    status?: 503;
                };
            };
        };
        /**
         * @description `AUTH_UNAVAILABLE` — Layanan identitas tidak dapat dihubungi / The identity service cannot be reached
         *
         *     `DATABASE_UNAVAILABLE` — Basis data sedang tidak tersedia / The database is unavailable
         *
         *     `PLUGIN_LINT_BUSY` — Pemeriksa manifest sedang penuh / The manifest checker is busy
         */
        "503.auth-unavailable.database-unavailable.plugin-lint-busy": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "AUTH_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "PLUGIN_LINT_BUSY";
                    /** @constant */
                    status?: 503;
                };
            };
        };
        /** @description `DATABASE_UNAVAILABLE` — Basis data sedang tidak tersedia / The database is unavailable */
        "503.database-unavailable": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "DATABASE_UNAVAILABLE";
                    /** @constant */
                    status?: 503;
                };
            };
        };
        /**
         * @description `TENANT_MOVING` — Data tenant sedang dipindahkan ke region lain / The tenant's data is moving to another region
         *
         *     `AUTH_UNAVAILABLE` — Layanan identitas tidak dapat dihubungi / The identity service cannot be reached
         *
         *     `DATABASE_UNAVAILABLE` — Basis data sedang tidak tersedia / The database is unavailable
         */
        "503.tenant-moving.auth-unavailable.database-unavailable": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_MOVING" | "AUTH_UNAVAILABLE" | "DATABASE_UNAVAILABLE";
                    /** @constant */
                    status?: 503;
                };
            };
        };
        /**
         * @description `TENANT_MOVING` — Data tenant sedang dipindahkan ke region lain / The tenant's data is moving to another region
         *
         *     `AUTH_UNAVAILABLE` — Layanan identitas tidak dapat dihubungi / The identity service cannot be reached
         *
         *     `DATABASE_UNAVAILABLE` — Basis data sedang tidak tersedia / The database is unavailable
         *
         *     `STORAGE_UNAVAILABLE` — Penyimpanan dokumen sedang tidak tersedia / Document storage is unavailable
         */
        "503.tenant-moving.auth-unavailable.database-unavailable.storage-unavailable": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_MOVING" | "AUTH_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "STORAGE_UNAVAILABLE";
                    /** @constant */
                    status?: 503;
                };
            };
        };
        /**
         * @description `TENANT_MOVING` — Data tenant sedang dipindahkan ke region lain / The tenant's data is moving to another region
         *
         *     `DATABASE_UNAVAILABLE` — Basis data sedang tidak tersedia / The database is unavailable
         */
        "503.tenant-moving.database-unavailable": {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id.required"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {unknown} */
                    code?: "TENANT_MOVING" | "DATABASE_UNAVAILABLE";
                    /** @constant */
                    status?: 503;
                };
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Seconds to wait before retrying / detik sebelum mencoba lagi */
        "Retry-After": number;
        /** @description Seconds to wait before retrying / detik sebelum mencoba lagi */
        "Retry-After.required": number;
        /** @description The version of the resource (strong entity tag); quote it in If-Match to change it */
        ETag: string;
        /** @description The version of the resource (strong entity tag); quote it in If-Match to change it */
        "ETag.required": string;
        /** @description The created resource */
        Location: string;
        /** @description The created resource */
        "Location.required": string;
        /** @description RFC 8288 link to the next page (`rel="next"`), present unless this is the last page */
        Link: string;
        /** @description RFC 8288 link to the next page (`rel="next"`), present unless this is the last page */
        "Link.required": string;
        /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
        "Idempotent-Replayed": "true";
        /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
        "Idempotent-Replayed.required": "true";
        /** @description RFC 9745: when this operation was deprecated (`@` epoch seconds) */
        Deprecation: string;
        /** @description RFC 9745: when this operation was deprecated (`@` epoch seconds) */
        "Deprecation.required": string;
        /** @description RFC 8594: when this operation stops answering (HTTP-date) */
        Sunset: string;
        /** @description RFC 8594: when this operation stops answering (HTTP-date) */
        "Sunset.required": string;
        /** @description The request id (quote it when asking for support) */
        "X-Request-Id": string;
        /** @description The request id (quote it when asking for support) */
        "X-Request-Id.required": string;
        /** @description RFC 6750 bearer challenge */
        "WWW-Authenticate": string;
        /** @description RFC 6750 bearer challenge */
        "WWW-Authenticate.required": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "subject": "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
                     *       "username": "petugas.dukcapil.kbb",
                     *       "name": "Petugas Dukcapil Bandung Barat",
                     *       "roles": [
                     *         "officer"
                     *       ],
                     *       "memberships": [
                     *         {
                     *           "role": "officer",
                     *           "tenant": "kab-bandung-barat",
                     *           "agency": "dukcapil"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: components["responses"]["401.auth-required.token-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    listRegions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every region, with its tenant count */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "id-batam",
                     *           "name": "Batam (Kepulauan Riau)",
                     *           "tenantCount": 71
                     *         },
                     *         {
                     *           "id": "id-jakarta",
                     *           "name": "Jakarta (DKI Jakarta)",
                     *           "tenantCount": 443
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PlatformRegionList"];
                };
            };
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    listRegencies: {
        parameters: {
            query?: {
                /** @description Only the regencies and cities of this province, e.g. 62 */
                province?: string;
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of regencies and cities */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "code": "32.17",
                     *           "name": "Kabupaten Bandung Barat",
                     *           "provinceCode": "32",
                     *           "provinceName": "Jawa Barat",
                     *           "timeZone": "Asia/Jakarta",
                     *           "population": 1884194
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Regency"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.query-invalid.cursor-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    getRegency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Kemendagri regency/city code, e.g. 32.17 */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The regency or city */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "32.17",
                     *       "name": "Kabupaten Bandung Barat",
                     *       "provinceCode": "32",
                     *       "provinceName": "Jawa Barat",
                     *       "timeZone": "Asia/Jakarta",
                     *       "population": 1884194
                     *     }
                     */
                    "application/json": components["schemas"]["Regency"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            404: components["responses"]["404.regency-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    listTenants: {
        parameters: {
            query?: {
                /** @description Only tenants of this home region */
                region?: string;
                /** @description Only tenants in this MPP status */
                status?: "proposed" | "committed" | "preparing" | "trial" | "launched" | "inaugurated" | "operating";
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of tenants */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Tenant"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.query-invalid.cursor-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    createTenant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "32.17",
                 *       "slug": "kab-bandung-barat",
                 *       "committedOn": "2025-11-12",
                 *       "copyOf": "kota-bogor"
                 *     }
                 */
                "application/json": {
                    /** @description Official Kemendagri regency/city code, e.g. 32.17 */
                    code: string;
                    /** @description URL name, e.g. kab-bandung-barat */
                    slug: string;
                    /** @description Platform region holding the tenant data, e.g. id-jakarta; by default the region of its province (HOME_REGION_PROVINCES) */
                    homeRegion?: string;
                    /**
                     * @description Stage of the MPP lifecycle (default proposed)
                     * @enum {unknown}
                     */
                    mppStatus?: "proposed" | "committed" | "preparing" | "trial" | "launched" | "inaugurated" | "operating";
                    /**
                     * Format: date
                     * @description Date the commitment with KemenPAN-RB was signed; the deadline is one year later
                     */
                    committedOn?: string;
                    /** @description Kaji tiru: copy plugins and versions, overlays (counters, schedules), agencies and the maklumat template of this role-model tenant, e.g. kota-bogor */
                    copyOf?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedTenant"];
                };
            };
            400: components["responses"]["400.malformed-json.body-too-deep.bad-request.idempotency-key-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required"];
            404: components["responses"]["404.tenant-not-found"];
            409: components["responses"]["409.tenant-slug-taken.tenant-code-taken"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.idempotency-key-reused.region-code-unknown.region-unknown.model-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    getTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    getTenantSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings, with their ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantSettings"];
                };
            };
            /** @description Not modified (If-None-Match names the current ETag) */
            304: {
                headers: {
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    updateTenantSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. Required to change an existing resource (428 without, 412 when it changed meanwhile). */
                "If-Match"?: string;
                /** @description `*`: create only, never replace (412 if it exists). */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "allowedOrigins": [
                 *         "https://mpp.bandungbaratkab.go.id"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["TenantSettings"];
            };
        };
        responses: {
            /** @description The new settings, with their new ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantSettings"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            412: components["responses"]["412.precondition-failed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.origin-invalid"];
            428: components["responses"]["428.precondition-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of audit events */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "01937c4e-3333-7c3d-9e4f-5a6b7c8d9e0f",
                     *           "at": "2025-11-24T03:15:42.123Z",
                     *           "actor": "admin.kbb",
                     *           "action": "tenant.settings",
                     *           "subject": "tenant:01937c4e-0000-7c3d-9e4f-5a6b7c8d9e0f",
                     *           "data": {
                     *             "allowedOrigins": [
                     *               "https://mpp.bandungbaratkab.go.id"
                     *             ],
                     *             "version": 2
                     *           }
                     *         }
                     *       ],
                     *       "next": "eyJrIjpbIjIwMjUtMTEtMjQgMDM6MTU6NDIuMTIzNDU2KzAwIiwiMDE5MzdjNGUiXSwiZiI6IlJCWkVqRjVNNkdrUSJ9"
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["AuditEvent"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    listPlugins: {
        parameters: {
            query?: {
                /** @description Only plugins of this agency, e.g. imigrasi */
                agency?: string;
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of plugins */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "imigrasi",
                     *           "agency": {
                     *             "code": "imigrasi",
                     *             "name": {
                     *               "id": "Kantor Imigrasi",
                     *               "en": "Immigration Office"
                     *             },
                     *             "kind": "vertical"
                     *           },
                     *           "latest": "1.0.0",
                     *           "versions": [
                     *             {
                     *               "version": "1.0.0",
                     *               "contentHash": "sha256:9c1e5b7a3d2f4e6b8a0c1d3e5f7a9b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a",
                     *               "publishedAt": "2026-11-02T01:00:00.000Z",
                     *               "services": 3
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["PluginSummary"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.query-invalid.cursor-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    publishPlugin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "disnaker",
                 *       "version": "1.0.0",
                 *       "host": ">=0.1.0 <1.0.0",
                 *       "agency": {
                 *         "code": "disnaker",
                 *         "name": {
                 *           "id": "Dinas Tenaga Kerja",
                 *           "en": "Manpower Office"
                 *         },
                 *         "kind": "regional"
                 *       },
                 *       "services": [
                 *         {
                 *           "code": "kartu-kuning",
                 *           "name": {
                 *             "id": "Kartu Tanda Bukti Pendaftaran Pencari Kerja (AK/1)",
                 *             "en": "Job seeker registration card (AK/1)"
                 *           },
                 *           "summary": {
                 *             "id": "Pendaftaran pencari kerja untuk melamar pekerjaan dan mengikuti pelatihan.",
                 *             "en": "Registration as a job seeker, to apply for jobs and training."
                 *           },
                 *           "category": "non-perizinan",
                 *           "keywords": [
                 *             "kartu kuning",
                 *             "ak1",
                 *             "pencari kerja"
                 *           ],
                 *           "channels": [
                 *             "online",
                 *             "counter"
                 *           ],
                 *           "form": {
                 *             "schema": {
                 *               "type": "object",
                 *               "additionalProperties": false,
                 *               "required": [
                 *                 "nik",
                 *                 "namaLengkap",
                 *                 "pendidikan"
                 *               ],
                 *               "properties": {
                 *                 "nik": {
                 *                   "type": "string",
                 *                   "format": "nik"
                 *                 },
                 *                 "namaLengkap": {
                 *                   "type": "string",
                 *                   "minLength": 2,
                 *                   "maxLength": 120
                 *                 },
                 *                 "pendidikan": {
                 *                   "enum": [
                 *                     "SD",
                 *                     "SMP",
                 *                     "SMA/SMK",
                 *                     "D3",
                 *                     "S1",
                 *                     "S2",
                 *                     "S3"
                 *                   ]
                 *                 }
                 *               }
                 *             },
                 *             "ui": {
                 *               "order": [
                 *                 "nik",
                 *                 "namaLengkap",
                 *                 "pendidikan"
                 *               ],
                 *               "labels": {
                 *                 "nik": {
                 *                   "id": "NIK",
                 *                   "en": "NIK"
                 *                 },
                 *                 "namaLengkap": {
                 *                   "id": "Nama Lengkap",
                 *                   "en": "Full name"
                 *                 },
                 *                 "pendidikan": {
                 *                   "id": "Pendidikan Terakhir",
                 *                   "en": "Highest education"
                 *                 }
                 *               }
                 *             }
                 *           },
                 *           "documents": [
                 *             {
                 *               "code": "ijazah",
                 *               "name": {
                 *                 "id": "Ijazah terakhir",
                 *                 "en": "Latest diploma"
                 *               },
                 *               "accept": [
                 *                 "application/pdf",
                 *                 "image/jpeg"
                 *               ],
                 *               "maxSizeMb": 5,
                 *               "minCount": 1,
                 *               "maxCount": 1
                 *             }
                 *           ],
                 *           "sop": {
                 *             "initial": "diajukan",
                 *             "states": {
                 *               "diajukan": {
                 *                 "name": {
                 *                   "id": "Diajukan",
                 *                   "en": "Submitted"
                 *                 },
                 *                 "actor": "officer",
                 *                 "sla": {
                 *                   "value": 1,
                 *                   "unit": "working-days"
                 *                 }
                 *               },
                 *               "selesai": {
                 *                 "name": {
                 *                   "id": "Selesai",
                 *                   "en": "Completed"
                 *                 },
                 *                 "terminal": true,
                 *                 "outcome": "completed"
                 *               },
                 *               "ditolak": {
                 *                 "name": {
                 *                   "id": "Ditolak",
                 *                   "en": "Rejected"
                 *                 },
                 *                 "terminal": true,
                 *                 "outcome": "rejected"
                 *               }
                 *             },
                 *             "actions": [
                 *               {
                 *                 "code": "issue",
                 *                 "name": {
                 *                   "id": "Terbitkan kartu",
                 *                   "en": "Issue the card"
                 *                 },
                 *                 "from": [
                 *                   "diajukan"
                 *                 ],
                 *                 "to": "selesai",
                 *                 "roles": [
                 *                   "officer"
                 *                 ],
                 *                 "issues": [
                 *                   "ak1"
                 *                 ]
                 *               },
                 *               {
                 *                 "code": "reject",
                 *                 "name": {
                 *                   "id": "Tolak",
                 *                   "en": "Reject"
                 *                 },
                 *                 "from": [
                 *                   "diajukan"
                 *                 ],
                 *                 "to": "ditolak",
                 *                 "roles": [
                 *                   "officer"
                 *                 ],
                 *                 "comment": "required"
                 *               }
                 *             ]
                 *           },
                 *           "sla": {
                 *             "value": 1,
                 *             "unit": "working-days"
                 *           },
                 *           "fee": {
                 *             "kind": "free",
                 *             "legalBasis": "Permenaker 39/2016 tentang Penempatan Tenaga Kerja",
                 *             "locked": true
                 *           },
                 *           "outputs": [
                 *             {
                 *               "code": "ak1",
                 *               "name": {
                 *                 "id": "Kartu AK/1",
                 *                 "en": "AK/1 card"
                 *               },
                 *               "kind": "document",
                 *               "validityDays": 730,
                 *               "signature": "tte"
                 *             }
                 *           ],
                 *           "standard": {
                 *             "complaints": {
                 *               "text": [
                 *                 {
                 *                   "id": "Pengaduan melalui SP4N-LAPOR! (lapor.go.id).",
                 *                   "en": "Complaints through SP4N-LAPOR! (lapor.go.id)."
                 *                 }
                 *               ]
                 *             },
                 *             "legalBasis": {
                 *               "text": [
                 *                 {
                 *                   "id": "Permenaker 39/2016",
                 *                   "en": "Manpower Ministerial Regulation 39/2016"
                 *                 }
                 *               ]
                 *             },
                 *             "facilities": {
                 *               "tenantProvided": true
                 *             },
                 *             "competency": {
                 *               "text": [
                 *                 {
                 *                   "id": "Pengantar kerja bersertifikat.",
                 *                   "en": "Certified job placement officers."
                 *                 }
                 *               ]
                 *             },
                 *             "supervision": {
                 *               "text": [
                 *                 {
                 *                   "id": "Kepala Dinas Tenaga Kerja.",
                 *                   "en": "Head of the Manpower Office."
                 *                 }
                 *               ]
                 *             },
                 *             "staffing": {
                 *               "tenantProvided": true
                 *             },
                 *             "serviceGuarantee": {
                 *               "text": [
                 *                 {
                 *                   "id": "Kartu terbit dalam satu hari kerja tanpa biaya.",
                 *                   "en": "The card is issued within one working day, free of charge."
                 *                 }
                 *               ]
                 *             },
                 *             "safetyGuarantee": {
                 *               "text": [
                 *                 {
                 *                   "id": "Data pencari kerja dijaga kerahasiaannya.",
                 *                   "en": "Job seekers’ data is kept confidential."
                 *                 }
                 *               ]
                 *             },
                 *             "performanceEvaluation": {
                 *               "text": [
                 *                 {
                 *                   "id": "Survei Kepuasan Masyarakat setiap semester.",
                 *                   "en": "Public satisfaction survey every semester."
                 *                 }
                 *               ]
                 *             }
                 *           },
                 *           "overlayable": [
                 *             "counter",
                 *             "contact",
                 *             "openingHours",
                 *             "facilities",
                 *             "staffing"
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    agency?: {
                        /** @description The agency publishing, e.g. polri */
                        code?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Already published with identical content (nothing changed) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    /** @description The published version */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "pluginId": "disnaker",
                     *       "version": "1.0.0",
                     *       "contentHash": "sha256:4f8b2c0e9a7d6b5c4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d",
                     *       "publishedAt": "2026-12-07T02:15:00.000Z",
                     *       "publishedBy": "publisher.disnaker"
                     *     }
                     */
                    "application/json": components["schemas"]["PluginPublication"];
                };
            };
            /** @description Published */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "pluginId": "disnaker",
                     *       "version": "1.0.0",
                     *       "contentHash": "sha256:4f8b2c0e9a7d6b5c4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d",
                     *       "publishedAt": "2026-12-07T02:15:00.000Z",
                     *       "publishedBy": "publisher.disnaker"
                     *     }
                     */
                    "application/json": components["schemas"]["PluginPublication"];
                };
            };
            400: components["responses"]["400.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.agency-not-allowed"];
            409: components["responses"]["409.plugin-version-immutable.plugin-id-taken"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.plugin-manifest-invalid.plugin-manifest-too-complex"];
            429: components["responses"]["429.rate-limited.plugin-lint-limit"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable.plugin-lint-busy"];
        };
    };
    getPlugin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Plugin id, e.g. dukcapil */
                plugin: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plugin with every published version, newest first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "imigrasi",
                     *       "agency": {
                     *         "code": "imigrasi",
                     *         "name": {
                     *           "id": "Kantor Imigrasi",
                     *           "en": "Immigration Office"
                     *         },
                     *         "kind": "vertical"
                     *       },
                     *       "latest": "1.0.0",
                     *       "versions": [
                     *         {
                     *           "version": "1.0.0",
                     *           "contentHash": "sha256:9c1e5b7a3d2f4e6b8a0c1d3e5f7a9b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a",
                     *           "publishedAt": "2026-11-02T01:00:00.000Z",
                     *           "services": 3
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PluginSummary"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            404: components["responses"]["404.plugin-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    getPluginVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Plugin id, e.g. dukcapil */
                plugin: string;
                /** @description Semantic version, e.g. 1.0.0 */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The published version with its manifest and content hash */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    /** @description `public, max-age=31536000, immutable`: a published version never changes */
                    "Cache-Control": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "pluginId": "disnaker",
                     *       "version": "1.0.0",
                     *       "contentHash": "sha256:4f8b2c0e9a7d6b5c4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d",
                     *       "publishedAt": "2026-12-07T02:15:00.000Z",
                     *       "publishedBy": "publisher.disnaker",
                     *       "manifest": {
                     *         "id": "disnaker",
                     *         "version": "1.0.0",
                     *         "host": ">=0.1.0 <1.0.0",
                     *         "agency": {
                     *           "code": "disnaker",
                     *           "name": {
                     *             "id": "Dinas Tenaga Kerja",
                     *             "en": "Manpower Office"
                     *           },
                     *           "kind": "regional"
                     *         },
                     *         "services": [
                     *           {
                     *             "code": "kartu-kuning",
                     *             "name": {
                     *               "id": "Kartu Tanda Bukti Pendaftaran Pencari Kerja (AK/1)",
                     *               "en": "Job seeker registration card (AK/1)"
                     *             },
                     *             "summary": {
                     *               "id": "Pendaftaran pencari kerja untuk melamar pekerjaan dan mengikuti pelatihan.",
                     *               "en": "Registration as a job seeker, to apply for jobs and training."
                     *             },
                     *             "category": "non-perizinan",
                     *             "keywords": [
                     *               "kartu kuning",
                     *               "ak1",
                     *               "pencari kerja"
                     *             ],
                     *             "channels": [
                     *               "online",
                     *               "counter"
                     *             ],
                     *             "form": {
                     *               "schema": {
                     *                 "type": "object",
                     *                 "additionalProperties": false,
                     *                 "required": [
                     *                   "nik",
                     *                   "namaLengkap",
                     *                   "pendidikan"
                     *                 ],
                     *                 "properties": {
                     *                   "nik": {
                     *                     "type": "string",
                     *                     "format": "nik"
                     *                   },
                     *                   "namaLengkap": {
                     *                     "type": "string",
                     *                     "minLength": 2,
                     *                     "maxLength": 120
                     *                   },
                     *                   "pendidikan": {
                     *                     "enum": [
                     *                       "SD",
                     *                       "SMP",
                     *                       "SMA/SMK",
                     *                       "D3",
                     *                       "S1",
                     *                       "S2",
                     *                       "S3"
                     *                     ]
                     *                   }
                     *                 }
                     *               },
                     *               "ui": {
                     *                 "order": [
                     *                   "nik",
                     *                   "namaLengkap",
                     *                   "pendidikan"
                     *                 ],
                     *                 "labels": {
                     *                   "nik": {
                     *                     "id": "NIK",
                     *                     "en": "NIK"
                     *                   },
                     *                   "namaLengkap": {
                     *                     "id": "Nama Lengkap",
                     *                     "en": "Full name"
                     *                   },
                     *                   "pendidikan": {
                     *                     "id": "Pendidikan Terakhir",
                     *                     "en": "Highest education"
                     *                   }
                     *                 }
                     *               }
                     *             },
                     *             "documents": [
                     *               {
                     *                 "code": "ijazah",
                     *                 "name": {
                     *                   "id": "Ijazah terakhir",
                     *                   "en": "Latest diploma"
                     *                 },
                     *                 "accept": [
                     *                   "application/pdf",
                     *                   "image/jpeg"
                     *                 ],
                     *                 "maxSizeMb": 5,
                     *                 "minCount": 1,
                     *                 "maxCount": 1
                     *               }
                     *             ],
                     *             "sop": {
                     *               "initial": "diajukan",
                     *               "states": {
                     *                 "diajukan": {
                     *                   "name": {
                     *                     "id": "Diajukan",
                     *                     "en": "Submitted"
                     *                   },
                     *                   "actor": "officer",
                     *                   "sla": {
                     *                     "value": 1,
                     *                     "unit": "working-days"
                     *                   }
                     *                 },
                     *                 "selesai": {
                     *                   "name": {
                     *                     "id": "Selesai",
                     *                     "en": "Completed"
                     *                   },
                     *                   "terminal": true,
                     *                   "outcome": "completed"
                     *                 },
                     *                 "ditolak": {
                     *                   "name": {
                     *                     "id": "Ditolak",
                     *                     "en": "Rejected"
                     *                   },
                     *                   "terminal": true,
                     *                   "outcome": "rejected"
                     *                 }
                     *               },
                     *               "actions": [
                     *                 {
                     *                   "code": "issue",
                     *                   "name": {
                     *                     "id": "Terbitkan kartu",
                     *                     "en": "Issue the card"
                     *                   },
                     *                   "from": [
                     *                     "diajukan"
                     *                   ],
                     *                   "to": "selesai",
                     *                   "roles": [
                     *                     "officer"
                     *                   ],
                     *                   "issues": [
                     *                     "ak1"
                     *                   ]
                     *                 },
                     *                 {
                     *                   "code": "reject",
                     *                   "name": {
                     *                     "id": "Tolak",
                     *                     "en": "Reject"
                     *                   },
                     *                   "from": [
                     *                     "diajukan"
                     *                   ],
                     *                   "to": "ditolak",
                     *                   "roles": [
                     *                     "officer"
                     *                   ],
                     *                   "comment": "required"
                     *                 }
                     *               ]
                     *             },
                     *             "sla": {
                     *               "value": 1,
                     *               "unit": "working-days"
                     *             },
                     *             "fee": {
                     *               "kind": "free",
                     *               "legalBasis": "Permenaker 39/2016 tentang Penempatan Tenaga Kerja",
                     *               "locked": true
                     *             },
                     *             "outputs": [
                     *               {
                     *                 "code": "ak1",
                     *                 "name": {
                     *                   "id": "Kartu AK/1",
                     *                   "en": "AK/1 card"
                     *                 },
                     *                 "kind": "document",
                     *                 "validityDays": 730,
                     *                 "signature": "tte"
                     *               }
                     *             ],
                     *             "standard": {
                     *               "complaints": {
                     *                 "text": [
                     *                   {
                     *                     "id": "Pengaduan melalui SP4N-LAPOR! (lapor.go.id).",
                     *                     "en": "Complaints through SP4N-LAPOR! (lapor.go.id)."
                     *                   }
                     *                 ]
                     *               },
                     *               "legalBasis": {
                     *                 "text": [
                     *                   {
                     *                     "id": "Permenaker 39/2016",
                     *                     "en": "Manpower Ministerial Regulation 39/2016"
                     *                   }
                     *                 ]
                     *               },
                     *               "facilities": {
                     *                 "tenantProvided": true
                     *               },
                     *               "competency": {
                     *                 "text": [
                     *                   {
                     *                     "id": "Pengantar kerja bersertifikat.",
                     *                     "en": "Certified job placement officers."
                     *                   }
                     *                 ]
                     *               },
                     *               "supervision": {
                     *                 "text": [
                     *                   {
                     *                     "id": "Kepala Dinas Tenaga Kerja.",
                     *                     "en": "Head of the Manpower Office."
                     *                   }
                     *                 ]
                     *               },
                     *               "staffing": {
                     *                 "tenantProvided": true
                     *               },
                     *               "serviceGuarantee": {
                     *                 "text": [
                     *                   {
                     *                     "id": "Kartu terbit dalam satu hari kerja tanpa biaya.",
                     *                     "en": "The card is issued within one working day, free of charge."
                     *                   }
                     *                 ]
                     *               },
                     *               "safetyGuarantee": {
                     *                 "text": [
                     *                   {
                     *                     "id": "Data pencari kerja dijaga kerahasiaannya.",
                     *                     "en": "Job seekers’ data is kept confidential."
                     *                   }
                     *                 ]
                     *               },
                     *               "performanceEvaluation": {
                     *                 "text": [
                     *                   {
                     *                     "id": "Survei Kepuasan Masyarakat setiap semester.",
                     *                     "en": "Public satisfaction survey every semester."
                     *                   }
                     *                 ]
                     *               }
                     *             },
                     *             "overlayable": [
                     *               "counter",
                     *               "contact",
                     *               "openingHours",
                     *               "facilities",
                     *               "staffing"
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PluginVersion"];
                };
            };
            /** @description Not modified (If-None-Match names the current ETag) */
            304: {
                headers: {
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            404: components["responses"]["404.plugin-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    lintPlugin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "disnaker",
                 *       "version": "1.0.0",
                 *       "host": ">=0.1.0 <1.0.0",
                 *       "agency": {
                 *         "code": "disnaker",
                 *         "name": {
                 *           "id": "Dinas Tenaga Kerja",
                 *           "en": "Manpower Office"
                 *         },
                 *         "kind": "regional"
                 *       },
                 *       "services": [
                 *         {
                 *           "code": "kartu-kuning",
                 *           "name": {
                 *             "id": "Kartu Tanda Bukti Pendaftaran Pencari Kerja (AK/1)",
                 *             "en": "Job seeker registration card (AK/1)"
                 *           },
                 *           "summary": {
                 *             "id": "Pendaftaran pencari kerja untuk melamar pekerjaan dan mengikuti pelatihan.",
                 *             "en": "Registration as a job seeker, to apply for jobs and training."
                 *           },
                 *           "category": "non-perizinan",
                 *           "keywords": [
                 *             "kartu kuning",
                 *             "ak1",
                 *             "pencari kerja"
                 *           ],
                 *           "channels": [
                 *             "online",
                 *             "counter"
                 *           ],
                 *           "form": {
                 *             "schema": {
                 *               "type": "object",
                 *               "additionalProperties": false,
                 *               "required": [
                 *                 "nik",
                 *                 "namaLengkap",
                 *                 "pendidikan"
                 *               ],
                 *               "properties": {
                 *                 "nik": {
                 *                   "type": "string",
                 *                   "format": "nik"
                 *                 },
                 *                 "namaLengkap": {
                 *                   "type": "string",
                 *                   "minLength": 2,
                 *                   "maxLength": 120
                 *                 },
                 *                 "pendidikan": {
                 *                   "enum": [
                 *                     "SD",
                 *                     "SMP",
                 *                     "SMA/SMK",
                 *                     "D3",
                 *                     "S1",
                 *                     "S2",
                 *                     "S3"
                 *                   ]
                 *                 }
                 *               }
                 *             },
                 *             "ui": {
                 *               "order": [
                 *                 "nik",
                 *                 "namaLengkap",
                 *                 "pendidikan"
                 *               ],
                 *               "labels": {
                 *                 "nik": {
                 *                   "id": "NIK",
                 *                   "en": "NIK"
                 *                 },
                 *                 "namaLengkap": {
                 *                   "id": "Nama Lengkap",
                 *                   "en": "Full name"
                 *                 },
                 *                 "pendidikan": {
                 *                   "id": "Pendidikan Terakhir",
                 *                   "en": "Highest education"
                 *                 }
                 *               }
                 *             }
                 *           },
                 *           "documents": [
                 *             {
                 *               "code": "ijazah",
                 *               "name": {
                 *                 "id": "Ijazah terakhir",
                 *                 "en": "Latest diploma"
                 *               },
                 *               "accept": [
                 *                 "application/pdf",
                 *                 "image/jpeg"
                 *               ],
                 *               "maxSizeMb": 5,
                 *               "minCount": 1,
                 *               "maxCount": 1
                 *             }
                 *           ],
                 *           "sop": {
                 *             "initial": "diajukan",
                 *             "states": {
                 *               "diajukan": {
                 *                 "name": {
                 *                   "id": "Diajukan",
                 *                   "en": "Submitted"
                 *                 },
                 *                 "actor": "officer",
                 *                 "sla": {
                 *                   "value": 1,
                 *                   "unit": "working-days"
                 *                 }
                 *               },
                 *               "selesai": {
                 *                 "name": {
                 *                   "id": "Selesai",
                 *                   "en": "Completed"
                 *                 },
                 *                 "terminal": true,
                 *                 "outcome": "completed"
                 *               },
                 *               "ditolak": {
                 *                 "name": {
                 *                   "id": "Ditolak",
                 *                   "en": "Rejected"
                 *                 },
                 *                 "terminal": true,
                 *                 "outcome": "rejected"
                 *               }
                 *             },
                 *             "actions": [
                 *               {
                 *                 "code": "issue",
                 *                 "name": {
                 *                   "id": "Terbitkan kartu",
                 *                   "en": "Issue the card"
                 *                 },
                 *                 "from": [
                 *                   "diajukan"
                 *                 ],
                 *                 "to": "selesai",
                 *                 "roles": [
                 *                   "officer"
                 *                 ],
                 *                 "issues": [
                 *                   "ak1"
                 *                 ]
                 *               },
                 *               {
                 *                 "code": "reject",
                 *                 "name": {
                 *                   "id": "Tolak",
                 *                   "en": "Reject"
                 *                 },
                 *                 "from": [
                 *                   "diajukan"
                 *                 ],
                 *                 "to": "ditolak",
                 *                 "roles": [
                 *                   "officer"
                 *                 ],
                 *                 "comment": "required"
                 *               }
                 *             ]
                 *           },
                 *           "sla": {
                 *             "value": 1,
                 *             "unit": "working-days"
                 *           },
                 *           "fee": {
                 *             "kind": "free",
                 *             "legalBasis": "Permenaker 39/2016 tentang Penempatan Tenaga Kerja",
                 *             "locked": true
                 *           },
                 *           "outputs": [
                 *             {
                 *               "code": "ak1",
                 *               "name": {
                 *                 "id": "Kartu AK/1",
                 *                 "en": "AK/1 card"
                 *               },
                 *               "kind": "document",
                 *               "validityDays": 730,
                 *               "signature": "tte"
                 *             }
                 *           ],
                 *           "standard": {
                 *             "complaints": {
                 *               "text": [
                 *                 {
                 *                   "id": "Pengaduan melalui SP4N-LAPOR! (lapor.go.id).",
                 *                   "en": "Complaints through SP4N-LAPOR! (lapor.go.id)."
                 *                 }
                 *               ]
                 *             },
                 *             "legalBasis": {
                 *               "text": [
                 *                 {
                 *                   "id": "Permenaker 39/2016",
                 *                   "en": "Manpower Ministerial Regulation 39/2016"
                 *                 }
                 *               ]
                 *             },
                 *             "facilities": {
                 *               "tenantProvided": true
                 *             },
                 *             "competency": {
                 *               "text": [
                 *                 {
                 *                   "id": "Pengantar kerja bersertifikat.",
                 *                   "en": "Certified job placement officers."
                 *                 }
                 *               ]
                 *             },
                 *             "supervision": {
                 *               "text": [
                 *                 {
                 *                   "id": "Kepala Dinas Tenaga Kerja.",
                 *                   "en": "Head of the Manpower Office."
                 *                 }
                 *               ]
                 *             },
                 *             "staffing": {
                 *               "tenantProvided": true
                 *             },
                 *             "serviceGuarantee": {
                 *               "text": [
                 *                 {
                 *                   "id": "Kartu terbit dalam satu hari kerja tanpa biaya.",
                 *                   "en": "The card is issued within one working day, free of charge."
                 *                 }
                 *               ]
                 *             },
                 *             "safetyGuarantee": {
                 *               "text": [
                 *                 {
                 *                   "id": "Data pencari kerja dijaga kerahasiaannya.",
                 *                   "en": "Job seekers’ data is kept confidential."
                 *                 }
                 *               ]
                 *             },
                 *             "performanceEvaluation": {
                 *               "text": [
                 *                 {
                 *                   "id": "Survei Kepuasan Masyarakat setiap semester.",
                 *                   "en": "Public satisfaction survey every semester."
                 *                 }
                 *               ]
                 *             }
                 *           },
                 *           "overlayable": [
                 *             "counter",
                 *             "contact",
                 *             "openingHours",
                 *             "facilities",
                 *             "staffing"
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    agency?: {
                        /** @description The agency publishing, e.g. polri */
                        code?: string;
                    };
                };
            };
        };
        responses: {
            /** @description The lint report (problems are a 200 here: nothing was asked to be published) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": true,
                     *       "issues": [],
                     *       "contentHash": "sha256:4f8b2c0e9a7d6b5c4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d",
                     *       "published": false
                     *     }
                     */
                    "application/json": components["schemas"]["PluginLintReport"];
                };
            };
            400: components["responses"]["400.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.agency-not-allowed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid"];
            429: components["responses"]["429.rate-limited.plugin-lint-limit"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable.plugin-lint-busy"];
        };
    };
    listInstallations: {
        parameters: {
            query?: {
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of installations */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "plugin": "imigrasi",
                     *           "version": "1.0.0",
                     *           "contentHash": "sha256:9c1e5b7a3d2f4e6b8a0c1d3e5f7a9b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a",
                     *           "installedAt": "2026-11-02T01:00:00.000Z",
                     *           "updatedAt": "2026-11-02T01:00:00.000Z",
                     *           "installedBy": "admin.kbb",
                     *           "overlays": {
                     *             "paspor-baru": {
                     *               "counter": {
                     *                 "name": "Gerai Kantor Imigrasi",
                     *                 "number": "7",
                     *                 "floor": "Lantai 1"
                     *               },
                     *               "schedule": {
                     *                 "appointmentRequired": true,
                     *                 "sessions": [
                     *                   {
                     *                     "days": [
                     *                       "TUE",
                     *                       "THU"
                     *                     ],
                     *                     "start": "09:00",
                     *                     "end": "12:00",
                     *                     "capacity": 20
                     *                   }
                     *                 ],
                     *                 "onlineShare": 0.8
                     *               },
                     *               "staffing": {
                     *                 "text": [
                     *                   {
                     *                     "id": "2 petugas imigrasi setiap sesi",
                     *                     "en": "2 immigration officers per session"
                     *                   }
                     *                 ]
                     *               }
                     *             }
                     *           }
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Installation"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    getInstallation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description Plugin id, e.g. imigrasi */
                plugin: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The installation */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "plugin": "imigrasi",
                     *       "version": "1.0.0",
                     *       "contentHash": "sha256:9c1e5b7a3d2f4e6b8a0c1d3e5f7a9b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a",
                     *       "installedAt": "2026-11-02T01:00:00.000Z",
                     *       "updatedAt": "2026-11-02T01:00:00.000Z",
                     *       "installedBy": "admin.kbb",
                     *       "overlays": {
                     *         "paspor-baru": {
                     *           "counter": {
                     *             "name": "Gerai Kantor Imigrasi",
                     *             "number": "7",
                     *             "floor": "Lantai 1"
                     *           },
                     *           "schedule": {
                     *             "appointmentRequired": true,
                     *             "sessions": [
                     *               {
                     *                 "days": [
                     *                   "TUE",
                     *                   "THU"
                     *                 ],
                     *                 "start": "09:00",
                     *                 "end": "12:00",
                     *                 "capacity": 20
                     *               }
                     *             ],
                     *             "onlineShare": 0.8
                     *           },
                     *           "staffing": {
                     *             "text": [
                     *               {
                     *                 "id": "2 petugas imigrasi setiap sesi",
                     *                 "en": "2 immigration officers per session"
                     *               }
                     *             ]
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Installation"];
                };
            };
            /** @description Not modified (If-None-Match names the current ETag) */
            304: {
                headers: {
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.plugin-not-installed"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    installPlugin: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: the ETag of the installation you read. When sent, the change happens only if nothing changed since (else 412). */
                "If-Match"?: string;
                /** @description `*`: install only, never move an existing installation (412 if installed). */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description Plugin id, e.g. imigrasi */
                plugin: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": "1.0.0"
                 *     }
                 */
                "application/json": {
                    /** @description Published version to pin, e.g. 1.0.0 */
                    version: string;
                };
            };
        };
        responses: {
            /** @description Installed, upgraded, downgraded or unchanged (see `action`), with the new ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    /** @description The installation’s entity tag (a digest of it: the pin and the overlays) */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "installed",
                     *       "plugin": "imigrasi",
                     *       "version": "1.0.0",
                     *       "contentHash": "sha256:9c1e5b7a3d2f4e6b8a0c1d3e5f7a9b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a",
                     *       "installedAt": "2026-11-02T01:00:00.000Z",
                     *       "updatedAt": "2026-11-02T01:00:00.000Z",
                     *       "installedBy": "admin.kbb",
                     *       "overlays": {
                     *         "paspor-baru": {
                     *           "counter": {
                     *             "name": "Gerai Kantor Imigrasi",
                     *             "number": "7",
                     *             "floor": "Lantai 1"
                     *           },
                     *           "schedule": {
                     *             "appointmentRequired": true,
                     *             "sessions": [
                     *               {
                     *                 "days": [
                     *                   "TUE",
                     *                   "THU"
                     *                 ],
                     *                 "start": "09:00",
                     *                 "end": "12:00",
                     *                 "capacity": 20
                     *               }
                     *             ],
                     *             "onlineShare": 0.8
                     *           },
                     *           "staffing": {
                     *             "text": [
                     *               {
                     *                 "id": "2 petugas imigrasi setiap sesi",
                     *                 "en": "2 immigration officers per session"
                     *               }
                     *             ]
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["InstallationChange"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.plugin-not-found"];
            409: components["responses"]["409.overlay-conflict"];
            412: components["responses"]["412.precondition-failed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    uninstallPlugin: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: the ETag of the installation you read. When sent, the change happens only if nothing changed since (else 412). */
                "If-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description Plugin id, e.g. imigrasi */
                plugin: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Uninstalled */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.plugin-not-installed"];
            412: components["responses"]["412.precondition-failed"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    getServiceOverlay: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description Plugin id, e.g. imigrasi */
                plugin: string;
                /** @description Service code, e.g. paspor-baru */
                service: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The overlay */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "counter": {
                     *         "name": "Gerai Kantor Imigrasi",
                     *         "number": "7",
                     *         "floor": "Lantai 1"
                     *       },
                     *       "schedule": {
                     *         "appointmentRequired": true,
                     *         "sessions": [
                     *           {
                     *             "days": [
                     *               "TUE",
                     *               "THU"
                     *             ],
                     *             "start": "09:00",
                     *             "end": "12:00",
                     *             "capacity": 20
                     *           }
                     *         ],
                     *         "onlineShare": 0.8
                     *       },
                     *       "staffing": {
                     *         "text": [
                     *           {
                     *             "id": "2 petugas imigrasi setiap sesi",
                     *             "en": "2 immigration officers per session"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ServiceOverlay"];
                };
            };
            /** @description Not modified (If-None-Match names the current ETag) */
            304: {
                headers: {
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.plugin-not-installed.service-not-found.overlay-not-set"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    setServiceOverlay: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. Required to change an existing resource (428 without, 412 when it changed meanwhile). */
                "If-Match"?: string;
                /** @description `*`: create only, never replace (412 if it exists). */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description Plugin id, e.g. imigrasi */
                plugin: string;
                /** @description Service code, e.g. paspor-baru */
                service: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "counter": {
                 *         "name": "Gerai Kantor Imigrasi",
                 *         "number": "7",
                 *         "floor": "Lantai 1"
                 *       },
                 *       "schedule": {
                 *         "appointmentRequired": true,
                 *         "sessions": [
                 *           {
                 *             "days": [
                 *               "TUE",
                 *               "THU"
                 *             ],
                 *             "start": "09:00",
                 *             "end": "12:00",
                 *             "capacity": 20
                 *           }
                 *         ],
                 *         "onlineShare": 0.8
                 *       },
                 *       "staffing": {
                 *         "text": [
                 *           {
                 *             "id": "2 petugas imigrasi setiap sesi",
                 *             "en": "2 immigration officers per session"
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ServiceOverlay"];
            };
        };
        responses: {
            /** @description The overlay as stored, with its new ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "counter": {
                     *         "name": "Gerai Kantor Imigrasi",
                     *         "number": "7",
                     *         "floor": "Lantai 1"
                     *       },
                     *       "schedule": {
                     *         "appointmentRequired": true,
                     *         "sessions": [
                     *           {
                     *             "days": [
                     *               "TUE",
                     *               "THU"
                     *             ],
                     *             "start": "09:00",
                     *             "end": "12:00",
                     *             "capacity": 20
                     *           }
                     *         ],
                     *         "onlineShare": 0.8
                     *       },
                     *       "staffing": {
                     *         "text": [
                     *           {
                     *             "id": "2 petugas imigrasi setiap sesi",
                     *             "en": "2 immigration officers per session"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ServiceOverlay"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.plugin-not-installed.service-not-found"];
            412: components["responses"]["412.precondition-failed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.overlay-invalid"];
            428: components["responses"]["428.precondition-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    getInstallationHistory: {
        parameters: {
            query?: {
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description Plugin id, e.g. imigrasi */
                plugin: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of events */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "01937a4e-8c2b-7d3e-9f10-2a4b6c8d0e1f",
                     *           "at": "2026-12-01T03:00:00.000Z",
                     *           "actor": "admin.kbb",
                     *           "action": "plugin.upgraded",
                     *           "subject": "plugin:imigrasi",
                     *           "data": {
                     *             "plugin": "imigrasi",
                     *             "from": "1.0.0",
                     *             "to": "1.1.0",
                     *             "contentHash": "sha256:0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e"
                     *           }
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["InstallationEvent"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    listServices: {
        parameters: {
            query?: {
                /** @description Search in names, summaries and keywords */
                q?: string;
                category?: "perizinan" | "non-perizinan";
                /** @description Agency code, e.g. dukcapil */
                agency?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalog */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    /** @description The unfiltered catalog’s version (weak: the same for every content coding) */
                    ETag?: string;
                    /** @description `public, max-age=60` */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tenant": {
                     *         "slug": "kab-bandung-barat",
                     *         "name": "Kabupaten Bandung Barat",
                     *         "timeZone": "Asia/Jakarta"
                     *       },
                     *       "items": [
                     *         {
                     *           "id": "dukcapil.ktpel-penggantian",
                     *           "plugin": "dukcapil",
                     *           "version": "1.0.0",
                     *           "code": "ktpel-penggantian",
                     *           "name": {
                     *             "id": "Penggantian KTP-el",
                     *             "en": "Replacement of an e-KTP"
                     *           },
                     *           "summary": {
                     *             "id": "KTP-el pengganti karena hilang atau rusak",
                     *             "en": "A replacement e-KTP when lost or damaged"
                     *           },
                     *           "category": "non-perizinan",
                     *           "channels": [
                     *             "online",
                     *             "counter"
                     *           ],
                     *           "keywords": [
                     *             "ktp",
                     *             "hilang",
                     *             "rusak"
                     *           ],
                     *           "agency": {
                     *             "code": "dukcapil",
                     *             "name": {
                     *               "id": "Dinas Kependudukan dan Pencatatan Sipil",
                     *               "en": "Population and Civil Registration Office"
                     *             },
                     *             "kind": "regional"
                     *           },
                     *           "counter": {
                     *             "name": "Gerai Disdukcapil",
                     *             "number": "3"
                     *           },
                     *           "appointmentRequired": false,
                     *           "standard": [
                     *             {
                     *               "number": 4,
                     *               "key": "fee",
                     *               "name": {
                     *                 "id": "Biaya/tarif",
                     *                 "en": "Fee"
                     *               },
                     *               "text": [
                     *                 {
                     *                   "id": "Tidak dipungut biaya (UU 24/2013)",
                     *                   "en": "Free of charge (UU 24/2013)"
                     *                 }
                     *               ]
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ServiceCatalog"];
                };
            };
            /** @description Not modified: If-None-Match names the current ETag */
            304: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    /** @description The current version */
                    ETag: string;
                    /** @description `public, max-age=60` */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid.query-invalid"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    listServiceSummaries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalog, summarised */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    /** @description The list’s version (weak: the same for every content coding) */
                    ETag?: string;
                    /** @description `public, max-age=60` */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tenant": {
                     *         "slug": "kab-bandung-barat",
                     *         "name": "Kabupaten Bandung Barat",
                     *         "timeZone": "Asia/Jakarta"
                     *       },
                     *       "items": [
                     *         {
                     *           "id": "dukcapil.ktpel-penggantian",
                     *           "code": "ktpel-penggantian",
                     *           "name": {
                     *             "id": "Penggantian KTP-el",
                     *             "en": "Replacement of an e-KTP"
                     *           },
                     *           "summary": {
                     *             "id": "KTP-el pengganti karena hilang atau rusak",
                     *             "en": "A replacement e-KTP when lost or damaged"
                     *           },
                     *           "category": "non-perizinan",
                     *           "channels": [
                     *             "online",
                     *             "counter"
                     *           ],
                     *           "keywords": [
                     *             "ktp",
                     *             "hilang",
                     *             "rusak"
                     *           ],
                     *           "agency": {
                     *             "code": "dukcapil",
                     *             "name": {
                     *               "id": "Dinas Kependudukan dan Pencatatan Sipil",
                     *               "en": "Population and Civil Registration Office"
                     *             },
                     *             "kind": "regional"
                     *           },
                     *           "appointmentRequired": false
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ServiceCatalogSummary"];
                };
            };
            /** @description Not modified: If-None-Match names the current ETag */
            304: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    /** @description The current version */
                    ETag: string;
                    /** @description `public, max-age=60` */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    getService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
                service: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceDetail"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            404: components["responses"]["404.tenant-not-found.service-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    validateServiceForm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
                service: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "nik": "3217064101900001",
                 *       "noKk": "3217061503120004",
                 *       "namaLengkap": "Siti Nurhaliza",
                 *       "alasan": "rusak",
                 *       "noHp": "081234567890"
                 *     }
                 */
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Valid */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "valid": true,
                     *       "plugin": "dukcapil",
                     *       "version": "1.0.0"
                     *     }
                     */
                    "application/json": {
                        /** @constant */
                        valid: true;
                        plugin: string;
                        version: string;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            404: components["responses"]["404.tenant-not-found.service-not-found"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.form-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.database-unavailable"];
        };
    };
    listHolidays: {
        parameters: {
            query?: {
                /** @description Only this year */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Holidays, by date */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "date": "2026-03-20",
                     *           "kind": "national",
                     *           "name": {
                     *             "id": "Hari Raya Idul Fitri 1447 H",
                     *             "en": "Eid al-Fitr 1447 H"
                     *           },
                     *           "decree": "SKB 3 Menteri 2026"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["HolidayList"];
                };
            };
            400: components["responses"]["400.query-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    setHoliday: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description YYYY-MM-DD */
                date: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "national",
                 *       "name": {
                 *         "id": "Hari Raya Idul Fitri 1447 H",
                 *         "en": "Eid al-Fitr 1447 H"
                 *       },
                 *       "decree": "SKB 3 Menteri 2026"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description `national` (libur nasional) or `cuti-bersama` (collective leave, SKB 3 Menteri)
                     * @enum {unknown}
                     */
                    kind: "national" | "cuti-bersama";
                    name: {
                        id: string;
                        en: string;
                    };
                    /** @description The decree that sets it, e.g. SKB 3 Menteri 2026 */
                    decree: string;
                };
            };
        };
        responses: {
            /** @description Stored */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "date": "2026-03-20",
                     *       "kind": "national",
                     *       "name": {
                     *         "id": "Hari Raya Idul Fitri 1447 H",
                     *         "en": "Eid al-Fitr 1447 H"
                     *       },
                     *       "decree": "SKB 3 Menteri 2026"
                     *     }
                     */
                    "application/json": components["schemas"]["Holiday"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    deleteHoliday: {
        parameters: {
            query: {
                /** @description `national` (libur nasional) or `cuti-bersama` (collective leave, SKB 3 Menteri) */
                kind: "national" | "cuti-bersama";
            };
            header?: never;
            path: {
                /** @description YYYY-MM-DD */
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid.query-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required"];
            404: components["responses"]["404.holiday-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    setTenantClosure: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: the ETag you read; the closure is replaced only if it is still that version (412 otherwise). */
                "If-Match"?: string;
                /** @description `*`: create only, never replace (412 if the date is already closed). */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description YYYY-MM-DD */
                date: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": {
                 *         "id": "Pemadaman listrik",
                 *         "en": "Power outage"
                 *       }
                 *     }
                 */
                "application/json": {
                    reason: {
                        id: string;
                        en: string;
                    };
                };
            };
        };
        responses: {
            /** @description Stored, with its ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    /** @description The closure’s version; quote it in If-Match to replace it only if unchanged */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "date": "2030-01-09",
                     *       "reason": {
                     *         "id": "Pemadaman listrik",
                     *         "en": "Power outage"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["TenantClosure"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            412: components["responses"]["412.precondition-failed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    listApplications: {
        parameters: {
            query?: {
                /** @description Where the application stands overall */
                status?: "draft" | "submitted" | "completed" | "rejected" | "withdrawn";
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of applications, newest first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "0b9f7c1e-5a7d-4c55-9a51-3f1c2d7e8a90",
                     *           "trackingCode": "7KQ2-M9XD",
                     *           "service": "polri.sktlk",
                     *           "channel": "online",
                     *           "status": "submitted",
                     *           "state": "diajukan",
                     *           "createdAt": "2026-11-21T01:00:00.000Z",
                     *           "submittedAt": "2026-11-21T01:05:00.000Z"
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["ApplicationSummary"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    createApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "service": "polri.sktlk",
                 *       "data": {
                 *         "nik": "6203054507850002",
                 *         "namaLengkap": "Budi Santoso",
                 *         "noHp": "081234567891",
                 *         "barangHilang": [
                 *           {
                 *             "jenis": "KTP-el",
                 *             "atasNama": "Budi Santoso"
                 *           }
                 *         ],
                 *         "tanggalKejadian": "2026-11-20",
                 *         "lokasiKejadian": "Pasar Kuala Kapuas",
                 *         "kronologi": "Dompet berisi KTP-el hilang saat berbelanja di pasar."
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
                    service: string;
                    /** @description Form data (validated against the installed version on submit) */
                    data?: {
                        [key: string]: unknown;
                    };
                    /** @default false */
                    submit?: boolean;
                    applicant?: {
                        nik: string;
                        name: string;
                        phone?: string;
                    };
                    consent?: {
                        statement: string;
                        /** @enum {unknown} */
                        method: "signed-form" | "verbal" | "whatsapp" | "app";
                    };
                };
            };
        };
        responses: {
            /** @description Created (draft or submitted) with its tracking code */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    /** @description The application’s version as an entity tag: quote it in If-Match to update the draft */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0b9f7c1e-5a7d-4c55-9a51-3f1c2d7e8a90",
                     *       "trackingCode": "7KQ2-M9XD",
                     *       "service": {
                     *         "id": "polri.sktlk",
                     *         "name": {
                     *           "id": "Surat Keterangan Tanda Lapor Kehilangan (SKTLK)",
                     *           "en": "Police loss report certificate (SKTLK)"
                     *         },
                     *         "plugin": "polri",
                     *         "version": "1.0.0",
                     *         "agency": {
                     *           "code": "polri",
                     *           "name": {
                     *             "id": "Kepolisian Negara Republik Indonesia (Polres)",
                     *             "en": "Indonesian National Police (district police, Polres)"
                     *           },
                     *           "kind": "vertical",
                     *           "parent": {
                     *             "id": "Kepolisian Negara Republik Indonesia",
                     *             "en": "Indonesian National Police"
                     *           },
                     *           "website": "https://polri.go.id"
                     *         }
                     *       },
                     *       "channel": "online",
                     *       "status": "draft",
                     *       "state": {
                     *         "code": "draft",
                     *         "name": {
                     *           "id": "Draf",
                     *           "en": "Draft"
                     *         }
                     *       },
                     *       "applicant": {
                     *         "name": "Budi Santoso"
                     *       },
                     *       "filedBy": {
                     *         "role": "citizen"
                     *       },
                     *       "consent": null,
                     *       "data": {
                     *         "nik": "6203054507850002",
                     *         "namaLengkap": "Budi Santoso",
                     *         "noHp": "081234567891",
                     *         "barangHilang": [
                     *           {
                     *             "jenis": "KTP-el",
                     *             "atasNama": "Budi Santoso"
                     *           }
                     *         ],
                     *         "tanggalKejadian": "2026-11-20",
                     *         "lokasiKejadian": "Pasar Kuala Kapuas",
                     *         "kronologi": "Dompet berisi KTP-el hilang saat berbelanja di pasar."
                     *       },
                     *       "version": 1,
                     *       "createdAt": "2026-11-21T01:00:00.000Z",
                     *       "submittedAt": null,
                     *       "completedAt": null,
                     *       "sla": {
                     *         "dueAt": null,
                     *         "dueDate": null,
                     *         "stepDueAt": null,
                     *         "stepDueDate": null,
                     *         "overdue": false
                     *       },
                     *       "claimedBy": null,
                     *       "availableActions": [],
                     *       "timeline": [
                     *         {
                     *           "at": "2026-11-21T01:00:00.000Z",
                     *           "action": "created",
                     *           "actor": {
                     *             "name": "Budi Santoso",
                     *             "role": "citizen"
                     *           },
                     *           "from": null,
                     *           "to": {
                     *             "code": "draft",
                     *             "name": {
                     *               "id": "Draf",
                     *               "en": "Draft"
                     *             }
                     *           },
                     *           "comment": null
                     *         }
                     *       ],
                     *       "documents": [],
                     *       "outputs": []
                     *     }
                     */
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request.idempotency-key-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed.agency-not-allowed"];
            404: components["responses"]["404.tenant-not-found.service-not-found"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.872743c95607"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    getApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application, with its ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0b9f7c1e-5a7d-4c55-9a51-3f1c2d7e8a90",
                     *       "trackingCode": "7KQ2-M9XD",
                     *       "service": {
                     *         "id": "polri.sktlk",
                     *         "name": {
                     *           "id": "Surat Keterangan Tanda Lapor Kehilangan (SKTLK)",
                     *           "en": "Police loss report certificate (SKTLK)"
                     *         },
                     *         "plugin": "polri",
                     *         "version": "1.0.0",
                     *         "agency": {
                     *           "code": "polri",
                     *           "name": {
                     *             "id": "Kepolisian Negara Republik Indonesia (Polres)",
                     *             "en": "Indonesian National Police (district police, Polres)"
                     *           },
                     *           "kind": "vertical",
                     *           "parent": {
                     *             "id": "Kepolisian Negara Republik Indonesia",
                     *             "en": "Indonesian National Police"
                     *           },
                     *           "website": "https://polri.go.id"
                     *         }
                     *       },
                     *       "channel": "online",
                     *       "status": "submitted",
                     *       "state": {
                     *         "code": "diajukan",
                     *         "name": {
                     *           "id": "Diajukan",
                     *           "en": "Submitted"
                     *         }
                     *       },
                     *       "applicant": {
                     *         "name": "Budi Santoso"
                     *       },
                     *       "filedBy": {
                     *         "role": "citizen"
                     *       },
                     *       "consent": null,
                     *       "data": {
                     *         "nik": "6203054507850002",
                     *         "namaLengkap": "Budi Santoso",
                     *         "noHp": "081234567891",
                     *         "barangHilang": [
                     *           {
                     *             "jenis": "KTP-el",
                     *             "atasNama": "Budi Santoso"
                     *           }
                     *         ],
                     *         "tanggalKejadian": "2026-11-20",
                     *         "lokasiKejadian": "Pasar Kuala Kapuas",
                     *         "kronologi": "Dompet berisi KTP-el hilang saat berbelanja di pasar."
                     *       },
                     *       "version": 3,
                     *       "createdAt": "2026-11-21T01:00:00.000Z",
                     *       "submittedAt": "2026-11-21T01:05:00.000Z",
                     *       "completedAt": null,
                     *       "sla": {
                     *         "dueAt": "2026-11-23T16:59:59.999Z",
                     *         "dueDate": "2026-11-23",
                     *         "stepDueAt": "2026-11-23T16:59:59.999Z",
                     *         "stepDueDate": "2026-11-23",
                     *         "overdue": false
                     *       },
                     *       "claimedBy": null,
                     *       "availableActions": [
                     *         {
                     *           "code": "verify",
                     *           "name": {
                     *             "id": "Verifikasi",
                     *             "en": "Verify"
                     *           },
                     *           "comment": "optional"
                     *         },
                     *         {
                     *           "code": "return",
                     *           "name": {
                     *             "id": "Kembalikan",
                     *             "en": "Return"
                     *           },
                     *           "comment": "required"
                     *         }
                     *       ],
                     *       "timeline": [
                     *         {
                     *           "at": "2026-11-21T01:00:00.000Z",
                     *           "action": "created",
                     *           "actor": {
                     *             "name": "Budi Santoso",
                     *             "role": "citizen"
                     *           },
                     *           "from": null,
                     *           "to": {
                     *             "code": "draft",
                     *             "name": {
                     *               "id": "Draf",
                     *               "en": "Draft"
                     *             }
                     *           },
                     *           "comment": null
                     *         },
                     *         {
                     *           "at": "2026-11-21T01:05:00.000Z",
                     *           "action": "submitted",
                     *           "actor": {
                     *             "name": "Budi Santoso",
                     *             "role": "citizen"
                     *           },
                     *           "from": {
                     *             "code": "draft",
                     *             "name": {
                     *               "id": "Draf",
                     *               "en": "Draft"
                     *             }
                     *           },
                     *           "to": {
                     *             "code": "diajukan",
                     *             "name": {
                     *               "id": "Diajukan",
                     *               "en": "Submitted"
                     *             }
                     *           },
                     *           "comment": null
                     *         }
                     *       ],
                     *       "documents": [
                     *         {
                     *           "id": "5e0c9d43-1f7a-4b8e-8d7e-2a4b6c8d0e1f",
                     *           "code": "identitas",
                     *           "filename": "ktp-budi.pdf",
                     *           "mediaType": "application/pdf",
                     *           "size": 48213,
                     *           "sha256": "9f2c1a7b3e5d4c6b8a0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3",
                     *           "source": "upload",
                     *           "sourceApplicationId": null,
                     *           "createdAt": "2026-11-21T01:03:00.000Z"
                     *         }
                     *       ],
                     *       "outputs": []
                     *     }
                     */
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description Not modified (If-None-Match names the current ETag) */
            304: {
                headers: {
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.application-not-found.service-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    updateDraft: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. Required to change an existing resource (428 without, 412 when it changed meanwhile). */
                "If-Match"?: string;
                /** @description `*`: create only, never replace (412 if it exists). */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "data": {
                 *         "nik": "6203054507850002",
                 *         "namaLengkap": "Budi Santoso",
                 *         "noHp": "081234567891",
                 *         "barangHilang": [
                 *           {
                 *             "jenis": "KTP-el",
                 *             "atasNama": "Budi Santoso"
                 *           }
                 *         ],
                 *         "tanggalKejadian": "2026-11-20",
                 *         "lokasiKejadian": "Pasar Kuala Kapuas",
                 *         "kronologi": "Dompet berisi KTP-el hilang saat berbelanja di pasar."
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description Form data */
                    data: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description The draft, with its new ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed.application-edit-not-allowed"];
            404: components["responses"]["404.tenant-not-found.application-not-found.service-not-found"];
            409: components["responses"]["409.application-not-editable"];
            412: components["responses"]["412.precondition-failed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid"];
            428: components["responses"]["428.precondition-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    getApplicationReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF file */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    /** @description `attachment; filename="tanda-terima-{trackingCode}.pdf"` */
                    "Content-Disposition": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.application-not-found.service-not-found"];
            409: components["responses"]["409.receipt-not-ready"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    submitApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Submitted (a retry returns the same) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    /** @description The application’s version as an entity tag: quote it in If-Match to update the draft */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["400.path-invalid.idempotency-key-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed.application-edit-not-allowed"];
            404: components["responses"]["404.tenant-not-found.application-not-found.service-not-found"];
            422: components["responses"]["422.idempotency-key-reused.form-invalid.documents-missing"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    uploadDocument: {
        parameters: {
            query?: {
                filename?: string;
            };
            header?: {
                /** @description Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
                code: string;
            };
            cookie?: never;
        };
        /** @description The file: PDF, PNG or JPEG as the document accepts */
        requestBody: {
            content: {
                "application/pdf": string;
                "image/png": string;
                "image/jpeg": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Stored, with its sha256 */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5e0c9d43-1f7a-4b8e-8d7e-2a4b6c8d0e1f",
                     *       "code": "identitas",
                     *       "filename": "ktp-budi.pdf",
                     *       "mediaType": "application/pdf",
                     *       "size": 48213,
                     *       "sha256": "9f2c1a7b3e5d4c6b8a0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3",
                     *       "source": "upload"
                     *     }
                     */
                    "application/json": components["schemas"]["UploadedDocument"];
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.idempotency-key-invalid.upload-empty.upload-aborted"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed.application-edit-not-allowed"];
            404: components["responses"]["404.tenant-not-found.application-not-found.document-type-unknown.service-not-found"];
            409: components["responses"]["409.application-not-editable.document-count-exceeded"];
            413: components["responses"]["413.upload-too-large"];
            415: components["responses"]["415.upload-type-not-accepted"];
            422: components["responses"]["422.idempotency-key-reused"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable.storage-unavailable"];
        };
    };
    attachJourneyDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "trackingCode": "7KQ2-M9XD"
                 *     }
                 */
                "application/json": {
                    /** @description Tracking code of the application whose output is taken, e.g. 7KQ2-M9XD */
                    trackingCode: string;
                };
            };
        };
        responses: {
            /** @description Attached */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "6a1d0e54-2a8b-4c9f-9e8f-3b5c7d9e1f20",
                     *       "code": "sktlk",
                     *       "source": "journey",
                     *       "sourceApplication": "7KQ2-M9XD",
                     *       "ageDays": 1
                     *     }
                     */
                    "application/json": components["schemas"]["JourneyAttachment"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request.idempotency-key-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed.application-edit-not-allowed"];
            404: components["responses"]["404.tenant-not-found.application-not-found.document-type-unknown.service-not-found"];
            409: components["responses"]["409.application-not-editable.document-count-exceeded"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding.upload-type-not-accepted"];
            422: components["responses"]["422.body-invalid.idempotency-key-reused.journey-source-invalid.journey-output-too-old"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable.storage-unavailable"];
        };
    };
    downloadDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
                document: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A short-lived link */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDownloadLink"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.application-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    downloadOutput: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
                output: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A short-lived link */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDownloadLink"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.application-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    actOnApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
                action: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "comment": "Berkas lengkap dan sesuai.",
                 *       "expectedVersion": 3
                 *     }
                 */
                "application/json": {
                    comment?: string;
                    /** @description The `version` you read: 409 VERSION_CONFLICT when the application changed since */
                    expectedVersion?: number;
                    /** @description The corrected form data, whole (it replaces the form; validated against the application’s form version). After submission the form changes only this way: the action’s timeline entry lists each field changed with its old and new value. */
                    data?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description The application after the action */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    /** @description The application’s version as an entity tag: quote it in If-Match to update the draft */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.application-not-found.service-not-found"];
            409: components["responses"]["409.action-not-allowed.version-conflict.action-guard-failed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.comment-required.form-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable.storage-unavailable"];
        };
    };
    getOfficerQueue: {
        parameters: {
            query?: {
                /** @description Only applications in this SOP state */
                state?: string;
                /** @description Only the ones I claimed */
                mine?: boolean;
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                agency: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the queue, with the whole queue’s counts */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "today": "2026-11-23",
                     *       "counts": {
                     *         "total": 1,
                     *         "dueToday": 1,
                     *         "overdue": 0
                     *       },
                     *       "items": [
                     *         {
                     *           "id": "0b9f7c1e-5a7d-4c55-9a51-3f1c2d7e8a90",
                     *           "trackingCode": "7KQ2-M9XD",
                     *           "service": {
                     *             "id": "polri.sktlk",
                     *             "name": {
                     *               "id": "Surat Keterangan Tanda Lapor Kehilangan (SKTLK)",
                     *               "en": "Police loss report certificate (SKTLK)"
                     *             }
                     *           },
                     *           "channel": "online",
                     *           "state": {
                     *             "code": "diajukan",
                     *             "name": {
                     *               "id": "Diajukan",
                     *               "en": "Submitted"
                     *             }
                     *           },
                     *           "applicantName": "Budi Santoso",
                     *           "submittedAt": "2026-11-21T01:05:00.000Z",
                     *           "dueDate": "2026-11-23",
                     *           "stepDueAt": "2026-11-23T16:59:59.999Z",
                     *           "stepDueDate": "2026-11-23",
                     *           "overdue": false,
                     *           "dueToday": true,
                     *           "claimedBy": null
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": components["schemas"]["OfficerQueuePage"];
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed.agency-not-allowed"];
            404: components["responses"]["404.tenant-not-found.service-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    claimApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "release": false
                 *     }
                 */
                "application/json": {
                    /**
                     * @description true: give your claim back
                     * @default false
                     */
                    release?: boolean;
                };
            };
        };
        responses: {
            /** @description The application */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    /** @description The application’s version as an entity tag: quote it in If-Match to update the draft */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.application-not-found.service-not-found"];
            409: components["responses"]["409.already-claimed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    listEscalations: {
        parameters: {
            query?: {
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of escalations, newest first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "7b2e1f65-3b9c-4daf-8f90-4c6d8e0f2a31",
                     *           "applicationId": "0b9f7c1e-5a7d-4c55-9a51-3f1c2d7e8a90",
                     *           "trackingCode": "7KQ2-M9XD",
                     *           "agency": "polri",
                     *           "service": "polri.sktlk",
                     *           "state": "diajukan",
                     *           "dueAt": "2026-11-23T16:59:59.999Z",
                     *           "escalatedAt": "2026-11-23T17:00:00.000Z"
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["SlaEscalation"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    lookupApplicant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "nik": "3217064101900001"
                 *     }
                 */
                "application/json": {
                    /** @description NIK (16 digits) */
                    nik: string;
                };
            };
        };
        responses: {
            /** @description What the caller may see of the person (applicant null: nothing) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "applicant": {
                     *         "name": "Ibu Euis",
                     *         "phone": "081298765432"
                     *       },
                     *       "applications": [
                     *         {
                     *           "id": "0b9f7c1e-5a7d-4c55-9a51-3f1c2d7e8a90",
                     *           "trackingCode": "7KQ2-M9XD",
                     *           "service": "dukcapil.ktpel-penggantian",
                     *           "status": "submitted",
                     *           "createdAt": "2026-12-07T02:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApplicantLookup"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    listSessions: {
        parameters: {
            query?: {
                /** @description First local date (YYYY-MM-DD); default today in the tenant’s time zone */
                from?: string;
                /** @description Days from `from`, inclusive (1–90, default 28) */
                days?: number;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
                service: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The window and its sessions, with seats left online */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "from": "2026-12-21",
                     *       "to": "2026-12-27",
                     *       "items": [
                     *         {
                     *           "id": "0193f5a0-7c1e-7d2a-9b1c-2f4e6a8b0c11",
                     *           "service": "imigrasi.paspor-baru",
                     *           "date": "2026-12-22",
                     *           "start": "09:00",
                     *           "end": "12:00",
                     *           "startsAt": "2026-12-22T02:00:00.000Z",
                     *           "capacity": 20,
                     *           "onlineCapacity": 16,
                     *           "walkInCapacity": 4,
                     *           "booked": 3,
                     *           "onlineSeatsLeft": 13,
                     *           "status": "open",
                     *           "holiday": null,
                     *           "confirmed": false,
                     *           "needsDecision": false
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SessionWindow"];
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid"];
            404: components["responses"]["404.tenant-not-found.service-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    bookSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                session: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "applicationId": "0193f5a0-7c1e-7d2a-9b1c-2f4e6a8b0c22"
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: uuid
                     * @description The application this appointment serves
                     */
                    applicationId?: string;
                    walkIn?: {
                        name: string;
                        /** @description NIK (16 digits) */
                        nik: string;
                    };
                };
            };
        };
        responses: {
            /** @description Booked */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0193f5a1-0000-7000-8000-000000000001",
                     *       "session": {
                     *         "id": "0193f5a0-7c1e-7d2a-9b1c-2f4e6a8b0c11",
                     *         "service": "imigrasi.paspor-baru",
                     *         "date": "2026-12-22",
                     *         "start": "09:00",
                     *         "end": "12:00",
                     *         "startsAt": "2026-12-22T02:00:00.000Z",
                     *         "capacity": 20,
                     *         "onlineCapacity": 16,
                     *         "walkInCapacity": 4,
                     *         "booked": 3,
                     *         "onlineSeatsLeft": 13,
                     *         "status": "open",
                     *         "holiday": null,
                     *         "confirmed": false,
                     *         "needsDecision": false
                     *       },
                     *       "channel": "online",
                     *       "status": "booked"
                     *     }
                     */
                    "application/json": components["schemas"]["Booking"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request.idempotency-key-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.session-not-found"];
            409: components["responses"]["409.session-full.already-booked.booking-limit-reached.application-already-booked"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.idempotency-key-reused.booking-application-invalid.walk-in-by-officer"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    listMyBookings: {
        parameters: {
            query?: {
                /** @description Only the bookings of this application */
                application?: string;
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of bookings */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "0193f5a1-0000-7000-8000-000000000001",
                     *           "sessionId": "0193f5a0-7c1e-7d2a-9b1c-2f4e6a8b0c11",
                     *           "service": "imigrasi.paspor-baru",
                     *           "date": "2026-12-22",
                     *           "start": "09:00",
                     *           "end": "12:00",
                     *           "startsAt": "2026-12-22T02:00:00.000Z",
                     *           "holiday": null,
                     *           "sessionStatus": "open",
                     *           "channel": "online",
                     *           "status": "booked",
                     *           "queueNumber": null,
                     *           "counter": null,
                     *           "applicationId": null
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["MyBooking"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    cancelBooking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                booking: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled; the seat is free again */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.booking-not-found"];
            409: components["responses"]["409.booking-not-active"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    rescheduleBooking: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                booking: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sessionId": "0193f5a0-7c1e-7d2a-9b1c-2f4e6a8b0c11"
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: uuid
                     * @description The session to move to
                     */
                    sessionId: string;
                };
            };
        };
        responses: {
            /** @description The new booking */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Booking"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request.idempotency-key-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.booking-not-found.session-not-found"];
            409: components["responses"]["409.booking-not-active.session-full.already-booked.booking-limit-reached"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.idempotency-key-reused.session-of-another-service"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    checkInBooking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                booking: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The queue number at the counter */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0193f5a1-0000-7000-8000-000000000001",
                     *       "queueNumber": 4,
                     *       "counter": "7",
                     *       "ticket": "7-004"
                     *     }
                     */
                    "application/json": components["schemas"]["BookingCheckIn"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.booking-not-found"];
            409: components["responses"]["409.booking-not-active"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    markNoShow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                booking: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Recorded */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        status: "no-show";
                    };
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.booking-not-found"];
            409: components["responses"]["409.booking-not-active"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    callNext: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description Counter number, e.g. 7 */
                counter: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The booking called, if any */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "called": {
                     *         "id": "0193f5a1-0000-7000-8000-000000000001",
                     *         "kind": "booking",
                     *         "ticket": "7-004",
                     *         "name": "Siti Rahayu"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CounterCall"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.booking-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    issueQueueTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ticket */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0193f5a1-0000-7000-8000-000000000009",
                     *       "applicationId": "0193f5a0-7c1e-7d2a-9b1c-2f4e6a8b0c22",
                     *       "counter": "1",
                     *       "counterName": "Gerai Disdukcapil KBB",
                     *       "queueNumber": 4,
                     *       "ticket": "1-004",
                     *       "service": "dukcapil.ktpel-penggantian",
                     *       "date": "2026-12-07",
                     *       "status": "waiting",
                     *       "waitingAhead": 2
                     *     }
                     */
                    "application/json": components["schemas"]["QueueTicket"];
                };
            };
            400: components["responses"]["400.path-invalid.idempotency-key-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.application-not-found"];
            409: components["responses"]["409.queue-ticket-not-open"];
            422: components["responses"]["422.idempotency-key-reused"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    markTicketNoShow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                ticket: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Recorded */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        status: "no-show";
                    };
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.queue-ticket-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    getQueueDisplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Today’s called numbers per counter */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "date": "2026-12-07",
                     *       "items": [
                     *         {
                     *           "counter": "1",
                     *           "name": "Gerai Disdukcapil KBB",
                     *           "current": "1-004",
                     *           "recent": [
                     *             "1-003",
                     *             "1-002"
                     *           ],
                     *           "waiting": 5
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["QueueDisplay"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    getCounterBoard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Today’s counters */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "date": "2026-12-07",
                     *       "items": [
                     *         {
                     *           "counter": "1",
                     *           "name": "Gerai Disdukcapil KBB",
                     *           "agencies": [
                     *             "dukcapil"
                     *           ],
                     *           "current": null,
                     *           "waiting": [
                     *             {
                     *               "id": "0193f5a1-0000-7000-8000-000000000009",
                     *               "kind": "ticket",
                     *               "ticket": "1-004",
                     *               "service": "dukcapil.ktpel-penggantian"
                     *             }
                     *           ],
                     *           "booked": []
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CounterBoard"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    confirmSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                session: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Confirmed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0193f5a0-7c1e-7d2a-9b1c-2f4e6a8b0c11",
                     *       "service": "imigrasi.paspor-baru",
                     *       "date": "2026-12-22",
                     *       "start": "09:00",
                     *       "end": "12:00",
                     *       "startsAt": "2026-12-22T02:00:00.000Z",
                     *       "capacity": 20,
                     *       "onlineCapacity": 16,
                     *       "walkInCapacity": 4,
                     *       "booked": 3,
                     *       "onlineSeatsLeft": 13,
                     *       "status": "open",
                     *       "holiday": "Cuti bersama: Natal",
                     *       "confirmed": true,
                     *       "needsDecision": false
                     *     }
                     */
                    "application/json": components["schemas"]["AppointmentSession"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.session-not-found"];
            409: components["responses"]["409.session-not-flagged"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    setAgencyCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description The agency code, e.g. `imigrasi` */
                agency: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "cutiBersamaWorkingDay": true
                 *     }
                 */
                "application/json": {
                    /** @description Whether this agency’s counter serves on cuti bersama (SKB cuti bersama: offices providing public services may keep serving) */
                    cutiBersamaWorkingDay: boolean;
                };
            };
        };
        responses: {
            /** @description Stored */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "agency": "imigrasi",
                     *       "cutiBersamaWorkingDay": true
                     *     }
                     */
                    "application/json": components["schemas"]["AgencyCalendar"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    cancelSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                session: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "Perangkat rekam biometrik rusak"
                 *     }
                 */
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionCancellation"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.session-not-found"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    sessionUtilization: {
        parameters: {
            query?: {
                /** @description First local date; default today */
                from?: string;
                /** @description Last local date, inclusive; default 27 days after `from` */
                to?: string;
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of utilization rows */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "0193f5a0-7c1e-7d2a-9b1c-2f4e6a8b0c11",
                     *           "service": "imigrasi.paspor-baru",
                     *           "date": "2026-12-22",
                     *           "start": "09:00",
                     *           "capacity": 20,
                     *           "status": "open",
                     *           "holiday": null,
                     *           "booked": 18,
                     *           "checkedIn": 15,
                     *           "noShow": 3
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["SessionUtilization"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    skmQuestionnaire: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The questionnaire */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "regulation": "PermenPANRB 14/2017",
                     *       "scale": [
                     *         1,
                     *         2,
                     *         3,
                     *         4
                     *       ],
                     *       "elements": [
                     *         {
                     *           "element": "U1",
                     *           "name": {
                     *             "id": "Persyaratan",
                     *             "en": "Requirements"
                     *           },
                     *           "options": [
                     *             {
                     *               "value": 1,
                     *               "label": "Tidak sesuai"
                     *             },
                     *             {
                     *               "value": 2,
                     *               "label": "Kurang sesuai"
                     *             },
                     *             {
                     *               "value": 3,
                     *               "label": "Sesuai"
                     *             },
                     *             {
                     *               "value": 4,
                     *               "label": "Sangat sesuai"
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "profile": {
                     *         "sex": [
                     *           "L",
                     *           "P"
                     *         ],
                     *         "ageBand": [
                     *           "<20",
                     *           "20-29",
                     *           "30-39",
                     *           "40-49",
                     *           "50-59",
                     *           ">=60"
                     *         ],
                     *         "education": [
                     *           "SD",
                     *           "SMP",
                     *           "SMA",
                     *           "D1-D3-D4",
                     *           "S1",
                     *           "S2",
                     *           "S3"
                     *         ],
                     *         "occupation": [
                     *           "PNS",
                     *           "TNI",
                     *           "POLRI",
                     *           "SWASTA",
                     *           "WIRAUSAHA",
                     *           "LAINNYA"
                     *         ]
                     *       },
                     *       "weighting": {
                     *         "convention": "equal-exact",
                     *         "weight": 0.1111111111111111,
                     *         "description": {
                     *           "id": "Bobot sama 1/9 per unsur (tepat, = rata-rata NRR × 25). Nilai dengan bobot cetak 0,111 ditampilkan sebagai \"legacy\".",
                     *           "en": "Equal weight 1/9 per unsur (exact, = mean NRR × 25). The value with the printed weight 0.111 is shown as \"legacy\"."
                     *         },
                     *         "legacyWeight": 0.111
                     *       },
                     *       "categories": [
                     *         {
                     *           "category": "A",
                     *           "minIkm": 88.31,
                     *           "nrrRange": [
                     *             3.5324,
                     *             4
                     *           ],
                     *           "ikmRange": [
                     *             88.31,
                     *             100
                     *           ],
                     *           "performance": {
                     *             "id": "Sangat baik",
                     *             "en": "Very good"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SkmQuestionnaire"];
                };
            };
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    mySkmInvitations: {
        parameters: {
            query?: {
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of open invitations */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "01937c4e-1111-7c3d-9e4f-5a6b7c8d9e0f",
                     *           "token": "q8Yc2V0aW5nLXRva2VuLWNvbnRvaDEy",
                     *           "service": "polri.sktlk",
                     *           "agency": "polri",
                     *           "applicationTrackingCode": "K7QP-4M2X",
                     *           "createdAt": "2025-11-20T03:00:00.000Z",
                     *           "expiresAt": "2025-12-20T03:00:00.000Z"
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["SkmInvitation"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    skmInvitationOfApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                application: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invitation, with its token while unanswered */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01937c4e-1111-7c3d-9e4f-5a6b7c8d9e0f",
                     *       "token": "q8Yc2V0aW5nLXRva2VuLWNvbnRvaDEy",
                     *       "service": "polri.sktlk",
                     *       "applicationTrackingCode": "K7QP-4M2X",
                     *       "expiresAt": "2025-12-20T03:00:00.000Z",
                     *       "answered": false
                     *     }
                     */
                    "application/json": components["schemas"]["SkmApplicationInvitation"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.skm-invitation-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    answerSkm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "invitation": "q8Yc2V0aW5nLXRva2VuLWNvbnRvaDEy",
                 *       "answers": {
                 *         "U1": 4,
                 *         "U2": 3,
                 *         "U3": 3,
                 *         "U4": 4,
                 *         "U5": 3,
                 *         "U6": 4,
                 *         "U7": 4,
                 *         "U8": 3,
                 *         "U9": 2
                 *       },
                 *       "profile": {
                 *         "sex": "P",
                 *         "ageBand": "30-39",
                 *         "education": "SMA",
                 *         "occupation": "WIRAUSAHA"
                 *       },
                 *       "suggestion": "Ruang tunggu perlu kursi tambahan pada Senin pagi."
                 *     }
                 */
                "application/json": {
                    /** @description The invitation token (from the invitation list, the QR code or the message): the only credential */
                    invitation: string;
                    answers: {
                        U1: number;
                        U2: number;
                        U3: number;
                        U4: number;
                        U5: number;
                        U6: number;
                        U7: number;
                        U8: number;
                        U9: number;
                    };
                    profile: {
                        /** @enum {unknown} */
                        sex: "L" | "P";
                        /** @enum {unknown} */
                        ageBand: "<20" | "20-29" | "30-39" | "40-49" | "50-59" | ">=60";
                        /** @enum {unknown} */
                        education: "SD" | "SMP" | "SMA" | "D1-D3-D4" | "S1" | "S2" | "S3";
                        /** @enum {unknown} */
                        occupation: "PNS" | "TNI" | "POLRI" | "SWASTA" | "WIRAUSAHA" | "LAINNYA";
                    };
                    /** @description Saran: stored with the answers, never shown outside the tenant */
                    suggestion?: string;
                };
            };
        };
        responses: {
            /** @description The same answers again: the first response (replayed) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    /** @description `true`: this is the answer recorded before */
                    "Idempotent-Replayed": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01937c4e-2222-7c3d-9e4f-5a6b7c8d9e0f",
                     *       "recordedOn": "2025-11-24",
                     *       "replayed": true
                     *     }
                     */
                    "application/json": components["schemas"]["SkmAnswer"];
                };
            };
            /** @description Recorded */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01937c4e-2222-7c3d-9e4f-5a6b7c8d9e0f",
                     *       "recordedOn": "2025-11-24",
                     *       "replayed": false
                     *     }
                     */
                    "application/json": components["schemas"]["SkmAnswer"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            404: components["responses"]["404.tenant-not-found.skm-invitation-not-found"];
            409: components["responses"]["409.skm-already-answered.skm-invitation-expired"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.database-unavailable"];
        };
    };
    tenantIkm: {
        parameters: {
            query?: {
                /** @description First day of the period (default 1 January of `to`’s year) */
                from?: string;
                /** @description Last day of the period, inclusive (default today); at most 366 days after `from` */
                to?: string;
                /** @description Only this agency’s services, e.g. dukcapil */
                agency?: string;
                /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
                service?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The IKM report */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tenant": {
                     *         "slug": "kab-lebong",
                     *         "name": "Kabupaten Lebong"
                     *       },
                     *       "scope": "service",
                     *       "key": "dukcapil.ktpel-penggantian",
                     *       "period": {
                     *         "from": "2025-07-01",
                     *         "to": "2025-09-30"
                     *       },
                     *       "respondents": 29,
                     *       "elements": [
                     *         {
                     *           "element": "U1",
                     *           "name": {
                     *             "id": "Persyaratan",
                     *             "en": "Requirements"
                     *           },
                     *           "sum": 105,
                     *           "nrr": 3.6207,
                     *           "weightedNrr": 0.4023
                     *         },
                     *         {
                     *           "element": "U3",
                     *           "name": {
                     *             "id": "Waktu penyelesaian",
                     *             "en": "Completion time"
                     *           },
                     *           "sum": 100,
                     *           "nrr": 3.4483,
                     *           "weightedNrr": 0.3831
                     *         }
                     *       ],
                     *       "weightedNrr": 3.659,
                     *       "ikm": 91.48,
                     *       "category": "A",
                     *       "performance": {
                     *         "id": "Sangat baik",
                     *         "en": "Very good"
                     *       },
                     *       "weighting": {
                     *         "convention": "equal-exact",
                     *         "weight": 0.1111111111111111,
                     *         "description": {
                     *           "id": "Bobot sama 1/9 per unsur (tepat, = rata-rata NRR × 25). Nilai dengan bobot cetak 0,111 ditampilkan sebagai \"legacy\".",
                     *           "en": "Equal weight 1/9 per unsur (exact, = mean NRR × 25). The value with the printed weight 0.111 is shown as \"legacy\"."
                     *         },
                     *         "legacyWeight": 0.111,
                     *         "legacyIkm": 91.37,
                     *         "legacyCategory": "A"
                     *       },
                     *       "lowest": {
                     *         "element": "U3",
                     *         "nrr": 3.4483
                     *       },
                     *       "sample": {
                     *         "population": 29,
                     *         "populationBasis": "service-users (applications completed in the period)",
                     *         "krejcieMorgan": {
                     *           "tableN": 30,
                     *           "minimum": 28
                     *         },
                     *         "sufficient": true
                     *       },
                     *       "services": []
                     *     }
                     */
                    "application/json": components["schemas"]["IkmReport"];
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.period-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    agencyIkmAcrossRegions: {
        parameters: {
            query?: {
                /** @description First day of the period (default 1 January of `to`’s year) */
                from?: string;
                /** @description Last day of the period, inclusive (default today); at most 366 days after `from` */
                to?: string;
            };
            header?: never;
            path: {
                agency: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description IKM by service and by tenant */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "agency": "dukcapil",
                     *       "period": {
                     *         "from": "2025-07-01",
                     *         "to": "2025-09-30"
                     *       },
                     *       "weighting": {
                     *         "convention": "equal-exact",
                     *         "weight": 0.1111111111111111,
                     *         "description": {
                     *           "id": "Bobot sama 1/9 per unsur (tepat, = rata-rata NRR × 25). Nilai dengan bobot cetak 0,111 ditampilkan sebagai \"legacy\".",
                     *           "en": "Equal weight 1/9 per unsur (exact, = mean NRR × 25). The value with the printed weight 0.111 is shown as \"legacy\"."
                     *         },
                     *         "legacyWeight": 0.111
                     *       },
                     *       "overall": null,
                     *       "services": [],
                     *       "byTenant": []
                     *     }
                     */
                    "application/json": components["schemas"]["AgencyIkmReport"];
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.period-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.agency-not-allowed"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    nationalIkm: {
        parameters: {
            query?: {
                /** @description First day of the period (default 1 January of `to`’s year) */
                from?: string;
                /** @description Last day of the period, inclusive (default today); at most 366 days after `from` */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One row per tenant */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "period": {
                     *         "from": "2025-07-01",
                     *         "to": "2025-09-30"
                     *       },
                     *       "weighting": {
                     *         "convention": "equal-exact",
                     *         "weight": 0.1111111111111111,
                     *         "description": {
                     *           "id": "Bobot sama 1/9 per unsur (tepat, = rata-rata NRR × 25). Nilai dengan bobot cetak 0,111 ditampilkan sebagai \"legacy\".",
                     *           "en": "Equal weight 1/9 per unsur (exact, = mean NRR × 25). The value with the printed weight 0.111 is shown as \"legacy\"."
                     *         },
                     *         "legacyWeight": 0.111
                     *       },
                     *       "items": [
                     *         {
                     *           "tenant": "kab-lebong",
                     *           "tenantName": "Kabupaten Lebong",
                     *           "region": "id-jakarta",
                     *           "respondents": 29,
                     *           "ikm": 91.48,
                     *           "category": "A",
                     *           "weightedNrr": 3.659,
                     *           "lowest": {
                     *             "element": "U3",
                     *             "nrr": 3.4483
                     *           },
                     *           "elements": [
                     *             {
                     *               "element": "U1",
                     *               "name": {
                     *                 "id": "Persyaratan",
                     *                 "en": "Requirements"
                     *               },
                     *               "sum": 105,
                     *               "nrr": 3.6207,
                     *               "weightedNrr": 0.4023
                     *             },
                     *             {
                     *               "element": "U3",
                     *               "name": {
                     *                 "id": "Waktu penyelesaian",
                     *                 "en": "Completion time"
                     *               },
                     *               "sum": 100,
                     *               "nrr": 3.4483,
                     *               "weightedNrr": 0.3831
                     *             }
                     *           ],
                     *           "sample": {
                     *             "population": 110000,
                     *             "populationBasis": "tenant-population (control plane)",
                     *             "krejcieMorgan": {
                     *               "tableN": 1000000,
                     *               "minimum": 384
                     *             },
                     *             "sufficient": false
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["NationalIkmReport"];
                };
            };
            400: components["responses"]["400.query-invalid.period-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    listSkmFollowUps: {
        parameters: {
            query?: {
                /** @description Only open or only closed follow-ups */
                status?: "open" | "closed";
                /** @description Only follow-ups of a period starting on this day */
                from?: string;
                /** @description Only follow-ups of a period ending on this day */
                to?: string;
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of follow-ups */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "01937c4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f",
                     *           "scope": "service",
                     *           "scopeKey": "dukcapil.ktpel-penggantian",
                     *           "period": {
                     *             "from": "2025-07-01",
                     *             "to": "2025-09-30"
                     *           },
                     *           "element": "U3",
                     *           "elementName": {
                     *             "id": "Waktu penyelesaian",
                     *             "en": "Completion time"
                     *           },
                     *           "nrr": 3.4483,
                     *           "ikm": 91.48,
                     *           "respondents": 29,
                     *           "status": "closed",
                     *           "plan": "Tambah petugas verifikasi pada jam sibuk",
                     *           "result": "Waktu tunggu turun dari 40 ke 15 menit",
                     *           "createdAt": "2025-10-01T01:00:00.000Z",
                     *           "closedBy": "admin.lebong",
                     *           "closedAt": "2025-10-20T03:12:00.000Z"
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["SkmFollowUp"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    openSkmFollowUps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "from": "2025-07-01",
                 *       "to": "2025-09-30"
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    from: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    to: string;
                };
            };
        };
        responses: {
            /** @description The period’s follow-ups */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "period": {
                     *         "from": "2025-07-01",
                     *         "to": "2025-09-30"
                     *       },
                     *       "ikm": 91.48,
                     *       "category": "A",
                     *       "items": [
                     *         {
                     *           "id": "01937c4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f",
                     *           "scope": "service",
                     *           "scopeKey": "dukcapil.ktpel-penggantian",
                     *           "period": {
                     *             "from": "2025-07-01",
                     *             "to": "2025-09-30"
                     *           },
                     *           "element": "U3",
                     *           "elementName": {
                     *             "id": "Waktu penyelesaian",
                     *             "en": "Completion time"
                     *           },
                     *           "nrr": 3.4483,
                     *           "ikm": 91.48,
                     *           "respondents": 29,
                     *           "status": "open",
                     *           "plan": null,
                     *           "result": null,
                     *           "createdAt": "2025-10-01T01:00:00.000Z",
                     *           "closedBy": null,
                     *           "closedAt": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SkmFollowUpsOpened"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request.period-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    closeSkmFollowUp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "plan": "Tambah petugas verifikasi pada jam sibuk",
                 *       "result": "Waktu tunggu turun dari 40 ke 15 menit"
                 *     }
                 */
                "application/json": {
                    plan?: string;
                    result: string;
                };
            };
        };
        responses: {
            /** @description The closed follow-up */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01937c4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f",
                     *       "scope": "service",
                     *       "scopeKey": "dukcapil.ktpel-penggantian",
                     *       "period": {
                     *         "from": "2025-07-01",
                     *         "to": "2025-09-30"
                     *       },
                     *       "element": "U3",
                     *       "elementName": {
                     *         "id": "Waktu penyelesaian",
                     *         "en": "Completion time"
                     *       },
                     *       "nrr": 3.4483,
                     *       "ikm": 91.48,
                     *       "respondents": 29,
                     *       "status": "closed",
                     *       "plan": "Tambah petugas verifikasi pada jam sibuk",
                     *       "result": "Waktu tunggu turun dari 40 ke 15 menit",
                     *       "createdAt": "2025-10-01T01:00:00.000Z",
                     *       "closedBy": "admin.lebong",
                     *       "closedAt": "2025-10-20T03:12:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["SkmFollowUp"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request.idempotency-key-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.skm-followup-not-found"];
            409: components["responses"]["409.skm-followup-closed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.idempotency-key-reused"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    getOnboarding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checklist */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tenant": "kab-bandung-barat",
                     *       "status": "preparing",
                     *       "committedOn": "2026-01-15",
                     *       "deadline": "2027-01-15",
                     *       "daysToDeadline": 39,
                     *       "deadlineMet": null,
                     *       "serving": false,
                     *       "launchedOn": null,
                     *       "inauguratedOn": null,
                     *       "progress": 0.7142857142857143,
                     *       "items": [
                     *         {
                     *           "key": "commitment",
                     *           "label": {
                     *             "id": "Komitmen dengan KemenPAN-RB ditandatangani",
                     *             "en": "Commitment with KemenPAN-RB signed"
                     *           },
                     *           "done": true,
                     *           "detail": "2026-01-15"
                     *         },
                     *         {
                     *           "key": "standards",
                     *           "label": {
                     *             "id": "Standar pelayanan lengkap dan ditetapkan untuk setiap layanan aktif",
                     *             "en": "Standar pelayanan complete and published for every active service"
                     *           },
                     *           "done": false,
                     *           "detail": "12/14"
                     *         }
                     *       ],
                     *       "counts": {
                     *         "servicesInstalled": 14,
                     *         "servicesLive": 12,
                     *         "servicesPlanned": 16,
                     *         "countersSet": 14,
                     *         "agenciesJoined": 6
                     *       },
                     *       "services": [
                     *         {
                     *           "id": "imigrasi.paspor-baru",
                     *           "plugin": "imigrasi",
                     *           "version": "1.0.0",
                     *           "code": "paspor-baru",
                     *           "name": {
                     *             "id": "Paspor Baru",
                     *             "en": "New passport"
                     *           },
                     *           "agency": "imigrasi",
                     *           "counterSettable": true,
                     *           "counter": {
                     *             "name": "Gerai Kantor Imigrasi",
                     *             "number": "7"
                     *           },
                     *           "standardComplete": false,
                     *           "missing": [
                     *             {
                     *               "number": 8,
                     *               "key": "facilities",
                     *               "name": {
                     *                 "id": "Sarana, prasarana, dan/atau fasilitas",
                     *                 "en": "Facilities"
                     *               },
                     *               "group": "management"
                     *             }
                     *           ],
                     *           "published": null
                     *         }
                     *       ],
                     *       "agencies": [
                     *         {
                     *           "agencyCode": "imigrasi",
                     *           "name": "Kantor Imigrasi Kelas I TPI Bandung",
                     *           "mouNumber": "PKS/015/MPP-KBB/2024",
                     *           "mouSignedOn": "2024-02-12",
                     *           "plannedServices": 3,
                     *           "recordedBy": "admin.kbb",
                     *           "recordedAt": "2024-02-13T02:00:00.000Z"
                     *         }
                     *       ],
                     *       "maklumat": {
                     *         "text": "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.",
                     *         "signedBy": "Bupati Bandung Barat",
                     *         "signedOn": "2024-03-01",
                     *         "publishedAt": "2024-03-01T03:00:00.000Z"
                     *       },
                     *       "maklumatTemplate": null,
                     *       "decrees": [
                     *         {
                     *           "kind": "mpp-establishment",
                     *           "number": "188.45/Kep.77-DPMPTSP/2024",
                     *           "signedOn": "2024-03-01",
                     *           "title": "Penyelenggaraan Mal Pelayanan Publik Kabupaten Bandung Barat",
                     *           "recordedBy": "admin.kbb",
                     *           "recordedAt": "2024-03-02T01:00:00.000Z"
                     *         }
                     *       ],
                     *       "history": [
                     *         {
                     *           "seq": 1,
                     *           "from": null,
                     *           "to": "proposed",
                     *           "on": "2025-11-03",
                     *           "actor": "admin.platform",
                     *           "note": "registered",
                     *           "recordedAt": "2025-11-03T02:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["OnboardingChecklist"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    getLifecycle: {
        parameters: {
            query?: {
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of moves */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "seq": 2,
                     *           "from": "proposed",
                     *           "to": "committed",
                     *           "on": "2024-02-29",
                     *           "actor": "admin.platform",
                     *           "note": null,
                     *           "recordedAt": "2024-02-29T04:00:00.000Z"
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["LifecycleEvent"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    moveLifecycle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "to": "preparing",
                 *       "on": "2024-10-20",
                 *       "note": "Uji coba belum lulus: jaringan belum stabil"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description Target status
                     * @enum {unknown}
                     */
                    to: "proposed" | "committed" | "preparing" | "trial" | "launched" | "inaugurated" | "operating";
                    /**
                     * Format: date
                     * @description Effective date (tenant-local); today when absent
                     */
                    on?: string;
                    /** @description Why (required to move back) */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The tenant after the move */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            409: components["responses"]["409.lifecycle-move-invalid"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.lifecycle-note-required.lifecycle-date-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    listTenantAgencies: {
        parameters: {
            query?: {
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of agencies */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "agencyCode": "imigrasi",
                     *           "name": "Kantor Imigrasi Kelas I TPI Bandung",
                     *           "mouNumber": "PKS/015/MPP-KBB/2024",
                     *           "mouSignedOn": "2024-02-12",
                     *           "plannedServices": 3,
                     *           "recordedBy": "admin.kbb",
                     *           "recordedAt": "2024-02-13T02:00:00.000Z"
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["TenantAgency"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    getTenantAgency: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description Agency code as in plugins, e.g. dukcapil */
                agency: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The record, with its ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "agencyCode": "imigrasi",
                     *       "name": "Kantor Imigrasi Kelas I TPI Bandung",
                     *       "mouNumber": "PKS/015/MPP-KBB/2024",
                     *       "mouSignedOn": "2024-02-12",
                     *       "plannedServices": 3,
                     *       "recordedBy": "admin.kbb",
                     *       "recordedAt": "2024-02-13T02:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["TenantAgency"];
                };
            };
            /** @description Not modified (If-None-Match names the current ETag) */
            304: {
                headers: {
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.agency-not-joined"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    setTenantAgency: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. Required to change an existing resource (428 without, 412 when it changed meanwhile). */
                "If-Match"?: string;
                /** @description `*`: create only, never replace (412 if it exists). */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description Agency code as in plugins, e.g. dukcapil */
                agency: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Kantor Imigrasi Kelas I TPI Bandung",
                 *       "mouNumber": "PKS/015/MPP-KBB/2024",
                 *       "mouSignedOn": "2024-02-12",
                 *       "plannedServices": 3
                 *     }
                 */
                "application/json": {
                    /** @description Agency name as in the MoU */
                    name: string;
                    /** @description MoU / perjanjian kerja sama number */
                    mouNumber: string;
                    /**
                     * Format: date
                     * @description Date signed
                     */
                    mouSignedOn: string;
                    /** @description Services the agency will offer at the MPP */
                    plannedServices: number;
                };
            };
        };
        responses: {
            /** @description The record as stored, with its new ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "agencyCode": "imigrasi",
                     *       "name": "Kantor Imigrasi Kelas I TPI Bandung",
                     *       "mouNumber": "PKS/015/MPP-KBB/2024",
                     *       "mouSignedOn": "2024-02-12",
                     *       "plannedServices": 3,
                     *       "recordedBy": "admin.kbb",
                     *       "recordedAt": "2024-02-13T02:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["TenantAgency"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            412: components["responses"]["412.precondition-failed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid"];
            428: components["responses"]["428.precondition-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    removeTenantAgency: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. Required (428 without it, 412 when the record changed meanwhile). */
                "If-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description Agency code as in plugins, e.g. dukcapil */
                agency: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.agency-not-joined"];
            412: components["responses"]["412.precondition-failed"];
            428: components["responses"]["428.precondition-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    getMaklumat: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The maklumat, or null when not yet published */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    /** @description `public, max-age=60` */
                    "Cache-Control": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "maklumat": {
                     *         "text": "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.",
                     *         "signedBy": "Bupati Bandung Barat",
                     *         "signedOn": "2024-03-01",
                     *         "publishedAt": "2024-03-01T03:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        maklumat: components["schemas"]["PublicMaklumat"] | null;
                    };
                };
            };
            /** @description Not modified (If-None-Match names the current ETag) */
            304: {
                headers: {
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    publishMaklumat: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. Required to change an existing resource (428 without, 412 when it changed meanwhile). */
                "If-Match"?: string;
                /** @description `*`: create only, never replace (412 if it exists). */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "text": "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.",
                 *       "signedBy": "Bupati Bandung Barat",
                 *       "signedOn": "2024-03-01"
                 *     }
                 */
                "application/json": {
                    /** @description Pernyataan kesanggupan dan kewajiban */
                    text: string;
                    /** @description Signed by (name and office) */
                    signedBy: string;
                    /**
                     * Format: date
                     * @description Date signed
                     */
                    signedOn: string;
                };
            };
        };
        responses: {
            /** @description Published, with its new ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "text": "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.",
                     *       "signedBy": "Bupati Bandung Barat",
                     *       "signedOn": "2024-03-01",
                     *       "publishedAt": "2024-03-01T03:00:00.000Z",
                     *       "publishedBy": "admin.kbb"
                     *     }
                     */
                    "application/json": components["schemas"]["Maklumat"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            412: components["responses"]["412.precondition-failed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid"];
            428: components["responses"]["428.precondition-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    listDecrees: {
        parameters: {
            query?: {
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of decrees */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "kind": "mpp-establishment",
                     *           "number": "188.45/Kep.77-DPMPTSP/2024",
                     *           "signedOn": "2024-03-01",
                     *           "title": "Penyelenggaraan Mal Pelayanan Publik Kabupaten Bandung Barat",
                     *           "recordedBy": "admin.kbb",
                     *           "recordedAt": "2024-03-02T01:00:00.000Z"
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Decree"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    recordDecree: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "mpp-establishment",
                 *       "number": "188.45/Kep.77-DPMPTSP/2024",
                 *       "signedOn": "2024-03-01",
                 *       "title": "Penyelenggaraan Mal Pelayanan Publik Kabupaten Bandung Barat"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description What the decree sets
                     * @enum {unknown}
                     */
                    kind: "formation-team" | "mpp-establishment" | "service-standards" | "maklumat" | "other";
                    /** @description Decree number, e.g. 060.1/KP/2024 */
                    number: string;
                    /**
                     * Format: date
                     * @description Date signed
                     */
                    signedOn: string;
                    /** @description Title */
                    title: string;
                };
            };
        };
        responses: {
            /** @description Recorded */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "kind": "mpp-establishment",
                     *       "number": "188.45/Kep.77-DPMPTSP/2024",
                     *       "signedOn": "2024-03-01",
                     *       "title": "Penyelenggaraan Mal Pelayanan Publik Kabupaten Bandung Barat",
                     *       "recordedBy": "admin.kbb",
                     *       "recordedAt": "2024-03-02T01:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Decree"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    listStandards: {
        parameters: {
            query?: {
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of services */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "imigrasi.paspor-baru",
                     *           "plugin": "imigrasi",
                     *           "version": "1.0.0",
                     *           "code": "paspor-baru",
                     *           "name": {
                     *             "id": "Paspor Baru",
                     *             "en": "New passport"
                     *           },
                     *           "agency": "imigrasi",
                     *           "counterSettable": true,
                     *           "counter": {
                     *             "name": "Gerai Kantor Imigrasi",
                     *             "number": "7"
                     *           },
                     *           "standardComplete": false,
                     *           "missing": [
                     *             {
                     *               "number": 8,
                     *               "key": "facilities",
                     *               "name": {
                     *                 "id": "Sarana, prasarana, dan/atau fasilitas",
                     *                 "en": "Facilities"
                     *               },
                     *               "group": "management"
                     *             }
                     *           ],
                     *           "published": null
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["ServiceReadiness"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    getStandard: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
                service: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The published standard */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "service": "imigrasi.paspor-baru",
                     *       "skNumber": "100.3.3/Kep.12-DPMPTSP/2026",
                     *       "skDate": "2026-11-30",
                     *       "pluginVersion": "1.0.0",
                     *       "publishedAt": "2026-12-01T02:00:00.000Z",
                     *       "publishedBy": "admin.kbb"
                     *     }
                     */
                    "application/json": components["schemas"]["PublishedStandard"];
                };
            };
            /** @description Not modified (If-None-Match names the current ETag) */
            304: {
                headers: {
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.standard-not-published"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    publishStandard: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. Required to change an existing resource (428 without, 412 when it changed meanwhile). */
                "If-Match"?: string;
                /** @description `*`: create only, never replace (412 if it exists). */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
                service: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "skNumber": "100.3.3/Kep.12-DPMPTSP/2026",
                 *       "skDate": "2026-11-30"
                 *     }
                 */
                "application/json": {
                    /** @description Number of the decree setting the standard */
                    skNumber: string;
                    /**
                     * Format: date
                     * @description Date of the decree
                     */
                    skDate: string;
                };
            };
        };
        responses: {
            /** @description Published, with its new ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "service": "imigrasi.paspor-baru",
                     *       "skNumber": "100.3.3/Kep.12-DPMPTSP/2026",
                     *       "skDate": "2026-11-30",
                     *       "pluginVersion": "1.0.0",
                     *       "publishedAt": "2026-12-01T02:00:00.000Z",
                     *       "publishedBy": "admin.kbb"
                     *     }
                     */
                    "application/json": components["schemas"]["PublishedStandard"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.plugin-not-installed.service-not-found"];
            412: components["responses"]["412.precondition-failed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.standard-incomplete"];
            428: components["responses"]["428.precondition-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    withdrawStandard: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. Required (428 without it, 412 when the record changed meanwhile). */
                "If-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
                service: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdrawn */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.standard-not-published"];
            412: components["responses"]["412.precondition-failed"];
            428: components["responses"]["428.precondition-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    getModelDrift: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The drift */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tenant": "kab-contoh",
                     *       "model": "kota-bogor",
                     *       "inSync": false,
                     *       "differences": 2,
                     *       "plugins": [
                     *         {
                     *           "plugin": "taspen",
                     *           "tenantVersion": "1.0.0",
                     *           "modelVersion": "1.1.0",
                     *           "state": "behind"
                     *         }
                     *       ],
                     *       "overlays": [],
                     *       "maklumatDiffers": true,
                     *       "upgradesAvailable": [
                     *         {
                     *           "plugin": "taspen",
                     *           "from": "1.0.0",
                     *           "to": "1.1.0"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ModelDrift"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            409: components["responses"]["409.no-model-tenant"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    adoptModelUpgrades: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "plugins": [
                 *         "taspen"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description Plugins to take (default: every one behind or missing) */
                    plugins?: string[];
                };
            };
        };
        responses: {
            /** @description What was taken and the drift after */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "taken": [
                     *         {
                     *           "plugin": "taspen",
                     *           "from": "1.0.0",
                     *           "to": "1.1.0",
                     *           "action": "upgraded"
                     *         }
                     *       ],
                     *       "drift": {
                     *         "tenant": "kab-contoh",
                     *         "model": "kota-bogor",
                     *         "inSync": false,
                     *         "differences": 1,
                     *         "plugins": [
                     *           {
                     *             "plugin": "taspen",
                     *             "tenantVersion": "1.1.0",
                     *             "modelVersion": "1.1.0",
                     *             "state": "same"
                     *           }
                     *         ],
                     *         "overlays": [],
                     *         "maklumatDiffers": true,
                     *         "upgradesAvailable": []
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ModelAdoption"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            409: components["responses"]["409.no-model-tenant.overlay-conflict"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    getNationalCockpit: {
        parameters: {
            query?: {
                /** @description Only tenants of this home region */
                region?: string;
                /** @description Only tenants in this status */
                status?: "proposed" | "committed" | "preparing" | "trial" | "launched" | "inaugurated" | "operating";
                /** @description Alert after this many days without an online application since launch (default 14) */
                noOnlineDays?: number;
                /** @description Alert when SLA compliance is under this share (default 0.8) */
                slaMin?: number;
                /** @description Only when at least this many completed in the window (default 10) */
                slaMinCompleted?: number;
                /** @description Window of the figures in weeks (default 4) */
                windowWeeks?: number;
                /** @description Warn this many days before an unmet deadline (default 60) */
                deadlineWarnDays?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Totals, every tenant’s indicators, alerts */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "asOf": "2025-11-30T17:30:00.000Z",
                     *       "window": {
                     *         "from": "2025-11-10",
                     *         "weeks": 4
                     *       },
                     *       "thresholds": {
                     *         "noOnlineDays": 14,
                     *         "slaMin": 0.8,
                     *         "slaMinCompleted": 10,
                     *         "windowWeeks": 4,
                     *         "deadlineWarnDays": 60
                     *       },
                     *       "totals": {
                     *         "tenants": 1,
                     *         "byStatus": {
                     *           "operating": 1
                     *         },
                     *         "servicesLive": 24,
                     *         "servicesPlanned": 30,
                     *         "applications": {
                     *           "online": 84,
                     *           "assisted": 20,
                     *           "counter": 160,
                     *           "total": 264
                     *         },
                     *         "onlineShare": 0.3939,
                     *         "completed": 240,
                     *         "slaCompliance": 0.9208,
                     *         "overdue": 3,
                     *         "complaints": {
                     *           "open": 2,
                     *           "overdue": 0
                     *         },
                     *         "skmResponses": 57
                     *       },
                     *       "tenants": [
                     *         {
                     *           "slug": "kab-lebong",
                     *           "code": "17.07",
                     *           "name": "Kabupaten Lebong",
                     *           "provinceCode": "17",
                     *           "provinceName": "Bengkulu",
                     *           "homeRegion": "id-jakarta",
                     *           "population": 110000,
                     *           "mppStatus": "operating",
                     *           "committedOn": "2021-03-09",
                     *           "deadline": "2022-03-09",
                     *           "daysToDeadline": -1369,
                     *           "launchedOn": "2021-12-01",
                     *           "inauguratedOn": "2022-02-14",
                     *           "servicesLive": 24,
                     *           "servicesPlanned": 30,
                     *           "servicesInstalled": 28,
                     *           "onboardingProgress": 1,
                     *           "applications": {
                     *             "online": 84,
                     *             "assisted": 20,
                     *             "counter": 160,
                     *             "total": 264
                     *           },
                     *           "onlineShare": 0.3939,
                     *           "selfServiceShare": 0.3182,
                     *           "completed": 240,
                     *           "slaCompliance": 0.9208,
                     *           "overdue": 3,
                     *           "openApplications": 41,
                     *           "appointmentUtilization": 0.66,
                     *           "attendance": 0.91,
                     *           "lastOnlineAt": "2025-11-28T02:14:00.000Z",
                     *           "complaints": {
                     *             "open": 2,
                     *             "overdue": 0
                     *           },
                     *           "skm": {
                     *             "responses": 57,
                     *             "ikm": 88.4,
                     *             "category": "A"
                     *           },
                     *           "rollupAt": "2025-11-30T17:29:00.000Z"
                     *         }
                     *       ],
                     *       "alerts": [
                     *         {
                     *           "kind": "sla-below-threshold",
                     *           "severity": "warning",
                     *           "tenant": "kab-bandung-barat",
                     *           "name": "Kabupaten Bandung Barat",
                     *           "since": null,
                     *           "days": null,
                     *           "value": 0.62,
                     *           "threshold": 0.8,
                     *           "message": {
                     *             "id": "Kabupaten Bandung Barat: kepatuhan SLA 62% di bawah 80% (48 selesai dalam 4 minggu).",
                     *             "en": "Kabupaten Bandung Barat: SLA compliance 62% under 80% (48 completed in 4 weeks)."
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["NationalCockpit"];
                };
            };
            400: components["responses"]["400.query-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    listNationalAlerts: {
        parameters: {
            query?: {
                /** @description Only tenants of this home region */
                region?: string;
                /** @description Only tenants in this status */
                status?: "proposed" | "committed" | "preparing" | "trial" | "launched" | "inaugurated" | "operating";
                /** @description Alert after this many days without an online application since launch (default 14) */
                noOnlineDays?: number;
                /** @description Alert when SLA compliance is under this share (default 0.8) */
                slaMin?: number;
                /** @description Only when at least this many completed in the window (default 10) */
                slaMinCompleted?: number;
                /** @description Window of the figures in weeks (default 4) */
                windowWeeks?: number;
                /** @description Warn this many days before an unmet deadline (default 60) */
                deadlineWarnDays?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every alert */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "asOf": "2025-11-30T17:30:00.000Z",
                     *       "items": [
                     *         {
                     *           "kind": "sla-below-threshold",
                     *           "severity": "warning",
                     *           "tenant": "kab-bandung-barat",
                     *           "name": "Kabupaten Bandung Barat",
                     *           "since": null,
                     *           "days": null,
                     *           "value": 0.62,
                     *           "threshold": 0.8,
                     *           "message": {
                     *             "id": "Kabupaten Bandung Barat: kepatuhan SLA 62% di bawah 80% (48 selesai dalam 4 minggu).",
                     *             "en": "Kabupaten Bandung Barat: SLA compliance 62% under 80% (48 completed in 4 weeks)."
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["NationalAlerts"];
                };
            };
            400: components["responses"]["400.query-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    getNationalWeekly: {
        parameters: {
            query?: {
                /** @description Number of weeks up to this one */
                weeks?: number;
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant?: string;
                /** @description Only tenants of this home region */
                region?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One point per week, oldest first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tenant": null,
                     *       "region": null,
                     *       "items": [
                     *         {
                     *           "weekStart": "2025-11-24",
                     *           "online": 120,
                     *           "assisted": 30,
                     *           "counter": 250,
                     *           "total": 400,
                     *           "onlineShare": 0.375,
                     *           "completed": 310,
                     *           "completedOnTime": 280,
                     *           "slaCompliance": 0.9032,
                     *           "sessionsCapacity": 600,
                     *           "sessionsBooked": 420,
                     *           "sessionsCheckedIn": 390,
                     *           "utilization": 0.7
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["NationalWeekly"];
                };
            };
            400: components["responses"]["400.query-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    exportNationalTenantsCsv: {
        parameters: {
            query?: {
                /** @description Only tenants of this home region */
                region?: string;
                /** @description Only tenants in this status */
                status?: "proposed" | "committed" | "preparing" | "trial" | "launched" | "inaugurated" | "operating";
                /** @description Alert after this many days without an online application since launch (default 14) */
                noOnlineDays?: number;
                /** @description Alert when SLA compliance is under this share (default 0.8) */
                slaMin?: number;
                /** @description Only when at least this many completed in the window (default 10) */
                slaMinCompleted?: number;
                /** @description Window of the figures in weeks (default 4) */
                windowWeeks?: number;
                /** @description Warn this many days before an unmet deadline (default 60) */
                deadlineWarnDays?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV file */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    /** @description `attachment; filename="…csv"` */
                    "Content-Disposition": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example kode_wilayah,tenant,nama,provinsi,region,penduduk,status,tanggal_komitmen,batas_waktu,hari_menuju_batas,tanggal_peluncuran,tanggal_peresmian,layanan_aktif,layanan_direncanakan,progres_persiapan,permohonan_daring,permohonan_dibantu,permohonan_loket,permohonan_total,porsi_daring,selesai,kepatuhan_sla,terlambat,utilisasi_janji_temu,pengaduan_terbuka,pengaduan_terlambat,skm_responden,ikm,mutu_pelayanan,rollup_pada
                     *     17.07,kab-lebong,Kabupaten Lebong,Bengkulu,id-jakarta,110000,operating,2021-03-09,2022-03-09,-1369,…
                     */
                    "text/csv": string;
                };
            };
            400: components["responses"]["400.query-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    exportNationalWeeklyCsv: {
        parameters: {
            query?: {
                /** @description Number of weeks up to this one */
                weeks?: number;
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant?: string;
                /** @description Only tenants of this home region */
                region?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV file */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    /** @description `attachment; filename="…csv"` */
                    "Content-Disposition": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example minggu_mulai,daring,dibantu,loket,total,porsi_daring,selesai,selesai_tepat_waktu,kepatuhan_sla,kapasitas_sesi,terpesan,hadir,utilisasi
                     *     2025-11-24,120,30,250,400,0.375,310,280,0.9032,600,420,390,0.7
                     */
                    "text/csv": string;
                };
            };
            400: components["responses"]["400.query-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    getTenantIndicators: {
        parameters: {
            query?: {
                /** @description Number of weeks up to this one */
                weeks?: number;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Indicators, alerts, weekly series */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "asOf": "2025-11-30T17:30:00.000Z",
                     *       "indicators": {
                     *         "slug": "kab-lebong",
                     *         "code": "17.07",
                     *         "name": "Kabupaten Lebong",
                     *         "provinceCode": "17",
                     *         "provinceName": "Bengkulu",
                     *         "homeRegion": "id-jakarta",
                     *         "population": 110000,
                     *         "mppStatus": "operating",
                     *         "committedOn": "2021-03-09",
                     *         "deadline": "2022-03-09",
                     *         "daysToDeadline": -1369,
                     *         "launchedOn": "2021-12-01",
                     *         "inauguratedOn": "2022-02-14",
                     *         "servicesLive": 24,
                     *         "servicesPlanned": 30,
                     *         "servicesInstalled": 28,
                     *         "onboardingProgress": 1,
                     *         "applications": {
                     *           "online": 84,
                     *           "assisted": 20,
                     *           "counter": 160,
                     *           "total": 264
                     *         },
                     *         "onlineShare": 0.3939,
                     *         "selfServiceShare": 0.3182,
                     *         "completed": 240,
                     *         "slaCompliance": 0.9208,
                     *         "overdue": 3,
                     *         "openApplications": 41,
                     *         "appointmentUtilization": 0.66,
                     *         "attendance": 0.91,
                     *         "lastOnlineAt": "2025-11-28T02:14:00.000Z",
                     *         "complaints": {
                     *           "open": 2,
                     *           "overdue": 0
                     *         },
                     *         "skm": {
                     *           "responses": 57,
                     *           "ikm": 88.4,
                     *           "category": "A"
                     *         },
                     *         "rollupAt": "2025-11-30T17:29:00.000Z"
                     *       },
                     *       "alerts": [],
                     *       "weekly": [
                     *         {
                     *           "weekStart": "2025-11-24",
                     *           "online": 120,
                     *           "assisted": 30,
                     *           "counter": 250,
                     *           "total": 400,
                     *           "onlineShare": 0.375,
                     *           "completed": 310,
                     *           "completedOnTime": 280,
                     *           "slaCompliance": 0.9032,
                     *           "sessionsCapacity": 600,
                     *           "sessionsBooked": 420,
                     *           "sessionsCheckedIn": 390,
                     *           "utilization": 0.7
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["TenantIndicatorsReport"];
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    listComplaints: {
        parameters: {
            query?: {
                status?: "submitted" | "forwarded" | "handling" | "answered" | "closed" | "rejected";
                /** @description Only complaints whose escalating clock (verification, first response, answer) has run out now, or only the others */
                overdue?: boolean;
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of complaints */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b",
                     *           "trackingCode": "ADU-7KQ2-M9XD",
                     *           "kind": "complaint",
                     *           "category": "keluhan",
                     *           "title": "Antrean paspor tidak sesuai jadwal",
                     *           "agency": "imigrasi",
                     *           "status": "forwarded",
                     *           "dueDate": "2026-12-03",
                     *           "overdue": false,
                     *           "overdueStages": [],
                     *           "escalations": 0,
                     *           "createdAt": "2026-11-25T03:00:00.000Z"
                     *         }
                     *       ],
                     *       "next": "eyJrIjpbIjIwMjYtMTEtMjUgMDM6MDA6MDArMDAiLCIwMTkzYTFiMiJdLCJmIjoiYWJjIn0"
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["ComplaintSummary"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    fileComplaint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "complaint",
                 *       "subject": {
                 *         "type": "service",
                 *         "service": "imigrasi.paspor-baru"
                 *       },
                 *       "title": "Antrean paspor tidak sesuai jadwal",
                 *       "body": "Saya datang sesuai sesi Selasa pukul 09.00 tetapi baru dilayani pukul 13.00 tanpa penjelasan.",
                 *       "location": "MPP Kab. Bandung Barat, Ngamprah",
                 *       "incidentDate": "2026-11-24"
                 *     }
                 */
                "application/json": {
                    /** @enum {unknown} */
                    kind: "complaint" | "suggestion" | "information-request";
                    /**
                     * @description SP4N-LAPOR! category; sets the answer deadline
                     * @enum {unknown}
                     */
                    category?: "informasi" | "aspirasi" | "keluhan" | "sengketa-tanpa-pemeriksaan" | "sengketa-dengan-pemeriksaan";
                    subject: {
                        /** @constant */
                        type: "tenant";
                    } | {
                        /** @constant */
                        type: "service";
                        /** @description plugin.service, e.g. dukcapil.ktpel-penggantian */
                        service: string;
                    } | {
                        /** @constant */
                        type: "application";
                        /** Format: uuid */
                        applicationId: string;
                    };
                    title: string;
                    body: string;
                    /** @description SP4N-LAPOR! anonim: who you are is hidden from everyone handling it, the coordinator included (name, contact, your application, your file names); the platform keeps only what it needs to notify you (your account, or the phone/e-mail given at the counter: no name or NIK) */
                    anonymous?: boolean;
                    /** @description SP4N-LAPOR! rahasia: who you are is hidden from the agency and anyone else handling it; only the coordinator who verifies it sees it, never the export, the webhook or SP4N-LAPOR!. Its content is not published */
                    confidential?: boolean;
                    location?: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    incidentDate?: string;
                    complainant?: {
                        name: string;
                        phone?: string;
                        /** Format: email */
                        email?: string;
                        nik?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Filed, with tracking code ADU-XXXX-XXXX and deadlines */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b",
                     *       "trackingCode": "ADU-7KQ2-M9XD",
                     *       "kind": "complaint",
                     *       "category": "keluhan",
                     *       "subject": {
                     *         "type": "service",
                     *         "service": "imigrasi.paspor-baru",
                     *         "applicationId": null,
                     *         "applicationTrackingCode": null
                     *       },
                     *       "agency": "imigrasi",
                     *       "title": "Antrean paspor tidak sesuai jadwal",
                     *       "body": "Saya datang sesuai sesi Selasa pukul 09.00 tetapi baru dilayani pukul 13.00 tanpa penjelasan.",
                     *       "location": "MPP Kab. Bandung Barat, Ngamprah",
                     *       "incidentDate": "2026-11-24",
                     *       "anonymous": false,
                     *       "confidential": false,
                     *       "channel": "online",
                     *       "complainant": {
                     *         "name": "Siti Nurhaliza",
                     *         "email": "siti.nurhaliza@contoh.id"
                     *       },
                     *       "status": "submitted",
                     *       "statusName": {
                     *         "id": "Diteruskan ke instansi",
                     *         "en": "Forwarded to the agency"
                     *       },
                     *       "handler": "agency",
                     *       "deadlines": {
                     *         "verification": {
                     *           "dueDate": "2026-11-30",
                     *           "dueAt": "2026-11-30T16:59:59.999Z",
                     *           "doneAt": "2026-11-26T02:15:00.000Z",
                     *           "overdue": false
                     *         },
                     *         "firstResponse": {
                     *           "dueDate": "2026-12-01",
                     *           "dueAt": "2026-12-01T16:59:59.999Z",
                     *           "doneAt": null,
                     *           "overdue": false
                     *         },
                     *         "answer": {
                     *           "dueDate": "2026-12-03",
                     *           "dueAt": "2026-12-03T16:59:59.999Z",
                     *           "doneAt": null,
                     *           "overdue": false
                     *         },
                     *         "reopenUntil": null,
                     *         "calendar": "hari kerja (national holidays, cuti bersama and tenant closures skipped; counted from the next working day)"
                     *       },
                     *       "escalations": 0,
                     *       "reopenCount": 0,
                     *       "rating": null,
                     *       "lapor": {
                     *         "trackingId": null,
                     *         "syncStatus": "not-synced",
                     *         "error": null,
                     *         "syncedAt": null
                     *       },
                     *       "thread": [
                     *         {
                     *           "id": "0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a70",
                     *           "at": "2026-11-25T03:00:00.000Z",
                     *           "author": {
                     *             "name": "Siti Nurhaliza",
                     *             "role": "citizen"
                     *           },
                     *           "kind": "filed",
                     *           "body": null
                     *         },
                     *         {
                     *           "id": "0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a71",
                     *           "at": "2026-11-26T02:15:00.000Z",
                     *           "author": {
                     *             "name": "Admin DPMPTSP",
                     *             "role": "coordinator"
                     *           },
                     *           "kind": "forwarded",
                     *           "body": "→ imigrasi"
                     *         }
                     *       ],
                     *       "attachments": [
                     *         {
                     *           "id": "0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a72",
                     *           "filename": "bukti-antrean.pdf",
                     *           "mediaType": "application/pdf",
                     *           "size": 48213,
                     *           "sha256": "9f2c4a1e5b7d3c8f0a6e2d4b1c9f7e3a5d8b0c2e4f6a1b3d5c7e9f0a2b4c6d8e",
                     *           "createdAt": "2026-11-25T03:02:00.000Z"
                     *         }
                     *       ],
                     *       "createdAt": "2026-11-25T03:00:00.000Z",
                     *       "updatedAt": "2026-11-26T02:15:00.000Z",
                     *       "version": 2,
                     *       "allowed": [
                     *         "message",
                     *         "attach"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request.idempotency-key-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.41411d08a2ac"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    exportComplaints: {
        parameters: {
            query: {
                /** @description YYYY-MM-DD */
                from: string;
                /** @description YYYY-MM-DD */
                to: string;
                /** @description `jsonl`: application/x-ndjson (one ComplaintRecord per line); `csv`: text/csv (header row of the same fields) */
                format?: "jsonl" | "csv";
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole period as JSON lines or CSV (by `format`) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    /** @description attachment; filename="pengaduan-{tenant}-{from}-{to}.{jsonl|csv}" */
                    "Content-Disposition": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.period-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    complaintStats: {
        parameters: {
            query: {
                /** @description YYYY-MM-DD */
                from: string;
                /** @description YYYY-MM-DD */
                to: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts of the complaints filed in the period */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tenant": "kab-bandung-barat",
                     *       "period": {
                     *         "from": "2026-01-01",
                     *         "to": "2026-03-31"
                     *       },
                     *       "filed": 42,
                     *       "open": 6,
                     *       "overdue": 1,
                     *       "rejected": 3,
                     *       "reopened": 2,
                     *       "escalations": 4,
                     *       "verification": {
                     *         "verified": 39,
                     *         "onTime": 37,
                     *         "onTimePercent": 94.87
                     *       },
                     *       "answer": {
                     *         "answered": 33,
                     *         "onTime": 30,
                     *         "onTimePercent": 90.91
                     *       },
                     *       "rating": {
                     *         "rated": 21,
                     *         "average": 4.1
                     *       },
                     *       "laporSynced": 40,
                     *       "byStatus": {
                     *         "submitted": 2,
                     *         "forwarded": 3,
                     *         "handling": 1,
                     *         "answered": 12,
                     *         "closed": 21,
                     *         "rejected": 3
                     *       },
                     *       "byCategory": {
                     *         "informasi": 8,
                     *         "aspirasi": 6,
                     *         "keluhan": 27,
                     *         "sengketa-tanpa-pemeriksaan": 1,
                     *         "sengketa-dengan-pemeriksaan": 0
                     *       },
                     *       "byKind": {
                     *         "complaint": 28,
                     *         "suggestion": 6,
                     *         "information-request": 8
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ComplaintStats"];
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.period-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    nationalComplaintStats: {
        parameters: {
            query: {
                /** @description YYYY-MM-DD */
                from: string;
                /** @description YYYY-MM-DD */
                to: string;
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of tenants’ counts */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "tenant": "kab-bandung-barat",
                     *           "period": {
                     *             "from": "2026-01-01",
                     *             "to": "2026-03-31"
                     *           },
                     *           "filed": 42,
                     *           "open": 6,
                     *           "overdue": 1,
                     *           "rejected": 3,
                     *           "reopened": 2,
                     *           "escalations": 4,
                     *           "verification": {
                     *             "verified": 39,
                     *             "onTime": 37,
                     *             "onTimePercent": 94.87
                     *           },
                     *           "answer": {
                     *             "answered": 33,
                     *             "onTime": 30,
                     *             "onTimePercent": 90.91
                     *           },
                     *           "rating": {
                     *             "rated": 21,
                     *             "average": 4.1
                     *           },
                     *           "laporSynced": 40,
                     *           "byStatus": {
                     *             "submitted": 2,
                     *             "forwarded": 3,
                     *             "handling": 1,
                     *             "answered": 12,
                     *             "closed": 21,
                     *             "rejected": 3
                     *           },
                     *           "byCategory": {
                     *             "informasi": 8,
                     *             "aspirasi": 6,
                     *             "keluhan": 27,
                     *             "sengketa-tanpa-pemeriksaan": 1,
                     *             "sengketa-dengan-pemeriksaan": 0
                     *           },
                     *           "byKind": {
                     *             "complaint": 28,
                     *             "suggestion": 6,
                     *             "information-request": 8
                     *           }
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["ComplaintStats"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.query-invalid.cursor-invalid.period-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    getComplaint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The complaint */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b",
                     *       "trackingCode": "ADU-7KQ2-M9XD",
                     *       "kind": "complaint",
                     *       "category": "keluhan",
                     *       "subject": {
                     *         "type": "service",
                     *         "service": "imigrasi.paspor-baru",
                     *         "applicationId": null,
                     *         "applicationTrackingCode": null
                     *       },
                     *       "agency": "imigrasi",
                     *       "title": "Antrean paspor tidak sesuai jadwal",
                     *       "body": "Saya datang sesuai sesi Selasa pukul 09.00 tetapi baru dilayani pukul 13.00 tanpa penjelasan.",
                     *       "location": "MPP Kab. Bandung Barat, Ngamprah",
                     *       "incidentDate": "2026-11-24",
                     *       "anonymous": false,
                     *       "confidential": false,
                     *       "channel": "online",
                     *       "complainant": {
                     *         "name": "Siti Nurhaliza",
                     *         "email": "siti.nurhaliza@contoh.id"
                     *       },
                     *       "status": "forwarded",
                     *       "statusName": {
                     *         "id": "Diteruskan ke instansi",
                     *         "en": "Forwarded to the agency"
                     *       },
                     *       "handler": "agency",
                     *       "deadlines": {
                     *         "verification": {
                     *           "dueDate": "2026-11-30",
                     *           "dueAt": "2026-11-30T16:59:59.999Z",
                     *           "doneAt": "2026-11-26T02:15:00.000Z",
                     *           "overdue": false
                     *         },
                     *         "firstResponse": {
                     *           "dueDate": "2026-12-01",
                     *           "dueAt": "2026-12-01T16:59:59.999Z",
                     *           "doneAt": null,
                     *           "overdue": false
                     *         },
                     *         "answer": {
                     *           "dueDate": "2026-12-03",
                     *           "dueAt": "2026-12-03T16:59:59.999Z",
                     *           "doneAt": null,
                     *           "overdue": false
                     *         },
                     *         "reopenUntil": null,
                     *         "calendar": "hari kerja (national holidays, cuti bersama and tenant closures skipped; counted from the next working day)"
                     *       },
                     *       "escalations": 0,
                     *       "reopenCount": 0,
                     *       "rating": null,
                     *       "lapor": {
                     *         "trackingId": null,
                     *         "syncStatus": "not-synced",
                     *         "error": null,
                     *         "syncedAt": null
                     *       },
                     *       "thread": [
                     *         {
                     *           "id": "0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a70",
                     *           "at": "2026-11-25T03:00:00.000Z",
                     *           "author": {
                     *             "name": "Siti Nurhaliza",
                     *             "role": "citizen"
                     *           },
                     *           "kind": "filed",
                     *           "body": null
                     *         },
                     *         {
                     *           "id": "0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a71",
                     *           "at": "2026-11-26T02:15:00.000Z",
                     *           "author": {
                     *             "name": "Admin DPMPTSP",
                     *             "role": "coordinator"
                     *           },
                     *           "kind": "forwarded",
                     *           "body": "→ imigrasi"
                     *         }
                     *       ],
                     *       "attachments": [
                     *         {
                     *           "id": "0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a72",
                     *           "filename": "bukti-antrean.pdf",
                     *           "mediaType": "application/pdf",
                     *           "size": 48213,
                     *           "sha256": "9f2c4a1e5b7d3c8f0a6e2d4b1c9f7e3a5d8b0c2e4f6a1b3d5c7e9f0a2b4c6d8e",
                     *           "createdAt": "2026-11-25T03:02:00.000Z"
                     *         }
                     *       ],
                     *       "createdAt": "2026-11-25T03:00:00.000Z",
                     *       "updatedAt": "2026-11-26T02:15:00.000Z",
                     *       "version": 2,
                     *       "allowed": [
                     *         "message",
                     *         "attach"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.complaint-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    verifyComplaint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "decision": "forward",
                 *       "note": "Mohon ditindaklanjuti oleh Kanim."
                 *     }
                 */
                "application/json": {
                    /** @enum {unknown} */
                    decision: "forward" | "handle" | "reject";
                    agency?: string;
                    /**
                     * @description SP4N-LAPOR! category; sets the answer deadline
                     * @enum {unknown}
                     */
                    category?: "informasi" | "aspirasi" | "keluhan" | "sengketa-tanpa-pemeriksaan" | "sengketa-dengan-pemeriksaan";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The complaint as the caller now sees it */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request.idempotency-key-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.complaint-not-found"];
            409: components["responses"]["409.complaint-state-invalid.complaint-action-not-allowed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.idempotency-key-reused.complaint-agency-required.reason-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    postComplaintMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "body": "Terima kasih, laporan sedang kami periksa."
                 *     }
                 */
                "application/json": {
                    body: string;
                    /** @description Staff only: a note never shown to the citizen */
                    internal?: boolean;
                };
            };
        };
        responses: {
            /** @description The complaint as the caller now sees it */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request.idempotency-key-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.complaint-not-found"];
            409: components["responses"]["409.complaint-state-invalid.complaint-action-not-allowed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.idempotency-key-reused"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    answerComplaint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "body": "Terjadi gangguan sistem SIMKIM pada hari itu; jadwal sesi kini ditampilkan di layar."
                 *     }
                 */
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description The complaint as the caller now sees it */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request.idempotency-key-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.complaint-not-found"];
            409: components["responses"]["409.complaint-state-invalid.complaint-action-not-allowed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.idempotency-key-reused"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    rateComplaintAnswer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "score": 4,
                 *       "comment": "Cukup jelas"
                 *     }
                 */
                "application/json": {
                    score: number;
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description The complaint as the caller now sees it */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request.idempotency-key-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.complaint-not-found"];
            409: components["responses"]["409.complaint-state-invalid.complaint-action-not-allowed.complaint-already-rated"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.idempotency-key-reused"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    reopenComplaint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "Layar jadwal ternyata belum dipasang."
                 *     }
                 */
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The complaint as the caller now sees it */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request.idempotency-key-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.complaint-not-found"];
            409: components["responses"]["409.71929c4ad3a6"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.idempotency-key-reused.reason-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    setComplaintLapor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "syncStatus": "synced",
                 *       "trackingId": "5123456"
                 *     }
                 */
                "application/json": {
                    trackingId?: string;
                    /** @enum {unknown} */
                    syncStatus: "pending" | "synced" | "failed";
                    error?: string;
                };
            };
        };
        responses: {
            /** @description The complaint as the caller now sees it */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.complaint-not-found"];
            409: components["responses"]["409.complaint-action-not-allowed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.lapor-tracking-id-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    attachToComplaint: {
        parameters: {
            query?: {
                /** @description The file’s name as the citizen knows it (shown in the thread and offered on download) */
                filename?: string;
            };
            header?: {
                /** @description Makes the write safe to retry: the same key with the same request returns the first answer (`Idempotent-Replayed: true`) for 24 hours. Bound to the caller and the operation; 8–128 of `A-Z a-z 0-9 . _ : -`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        /** @description The file (PDF, PNG or JPEG) */
        requestBody: {
            content: {
                "application/pdf": string;
                "image/png": string;
                "image/jpeg": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Stored, with its media type (by content), size and sha256 */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintAttachment"];
                };
            };
            400: components["responses"]["400.23a0cd958c8a"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.complaint-not-found"];
            409: components["responses"]["409.complaint-state-invalid.complaint-action-not-allowed"];
            413: components["responses"]["413.upload-too-large"];
            415: components["responses"]["415.upload-type-not-accepted"];
            422: components["responses"]["422.idempotency-key-reused"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable.storage-unavailable"];
        };
    };
    getComplaintAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
                attachment: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A presigned link valid for two minutes */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintAttachmentLink"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.complaint-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    getComplaintWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The configuration, with its ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    Deprecation: components["headers"]["Deprecation.required"];
                    Sunset: components["headers"]["Sunset.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "url": "https://konektor.bandungbaratkab.go.id/lapor/pengaduan",
                     *       "active": true,
                     *       "maxAttempts": 8,
                     *       "secretHint": "Q9xZ",
                     *       "updatedBy": "admin.kbb",
                     *       "updatedAt": "2026-11-20T04:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["ComplaintWebhook"];
                };
            };
            /** @description Not modified (If-None-Match names the current ETag) */
            304: {
                headers: {
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.webhook-not-configured"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    configureComplaintWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. Required to change an existing resource (428 without, 412 when it changed meanwhile). */
                "If-Match"?: string;
                /** @description `*`: create only, never replace (412 if it exists). */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://konektor.bandungbaratkab.go.id/lapor/pengaduan",
                 *       "maxAttempts": 8
                 *     }
                 */
                "application/json": {
                    /** @description Absolute http(s) URL, without credentials or fragment */
                    url: string;
                    /** @description Default true */
                    active?: boolean;
                    /** @description Attempts before a delivery is dead-lettered (default 8) */
                    maxAttempts?: number;
                    /** @description Make a new signing secret (answered once, in this response) */
                    rotateSecret?: boolean;
                };
            };
        };
        responses: {
            /** @description Replaced, with the new ETag (and the new secret when rotated) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    Deprecation: components["headers"]["Deprecation.required"];
                    Sunset: components["headers"]["Sunset.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "url": "https://konektor.bandungbaratkab.go.id/lapor/pengaduan",
                     *       "active": true,
                     *       "maxAttempts": 8,
                     *       "secretHint": "Q9xZ",
                     *       "updatedBy": "admin.kbb",
                     *       "updatedAt": "2026-11-20T04:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["ComplaintWebhookConfigured"];
                };
            };
            /** @description Created, with its ETag and its signing secret (shown this once) */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    Deprecation: components["headers"]["Deprecation.required"];
                    Sunset: components["headers"]["Sunset.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "url": "https://konektor.bandungbaratkab.go.id/lapor/pengaduan",
                     *       "active": true,
                     *       "maxAttempts": 8,
                     *       "secretHint": "Q9xZ",
                     *       "updatedBy": "admin.kbb",
                     *       "updatedAt": "2026-11-20T04:00:00.000Z",
                     *       "secret": "whsec_Jx3m…Q9xZ"
                     *     }
                     */
                    "application/json": components["schemas"]["ComplaintWebhookConfigured"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            412: components["responses"]["412.precondition-failed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.webhook-url-invalid"];
            428: components["responses"]["428.precondition-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    rotateComplaintWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. Required to change an existing resource (428 without, 412 when it changed meanwhile). */
                "If-Match"?: string;
                /** @description `*`: create only, never replace (412 if it exists). */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rotated: the new secret (shown this once) and the new ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    Deprecation: components["headers"]["Deprecation.required"];
                    Sunset: components["headers"]["Sunset.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "url": "https://konektor.bandungbaratkab.go.id/lapor/pengaduan",
                     *       "active": true,
                     *       "maxAttempts": 8,
                     *       "secretHint": "Q9xZ",
                     *       "updatedBy": "admin.kbb",
                     *       "updatedAt": "2026-11-20T04:00:00.000Z",
                     *       "secret": "whsec_Jx3m…Q9xZ"
                     *     }
                     */
                    "application/json": components["schemas"]["ComplaintWebhookConfigured"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.webhook-not-configured"];
            412: components["responses"]["412.precondition-failed"];
            428: components["responses"]["428.precondition-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    listComplaintWebhookDeliveries: {
        parameters: {
            query?: {
                status?: "pending" | "delivered" | "dead";
                complaint?: string;
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of deliveries */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    Deprecation: components["headers"]["Deprecation.required"];
                    Sunset: components["headers"]["Sunset.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ComplaintWebhookDelivery"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    getComplaintWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                delivery: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery, the body it sends, and every attempt */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Deprecation: components["headers"]["Deprecation.required"];
                    Sunset: components["headers"]["Sunset.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintWebhookDeliveryDetail"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.webhook-delivery-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    requeueComplaintWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                delivery: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pending again, with a fresh allowance of attempts */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Deprecation: components["headers"]["Deprecation.required"];
                    Sunset: components["headers"]["Sunset.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintWebhookDeliveryDetail"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.webhook-delivery-not-found.webhook-not-configured"];
            409: components["responses"]["409.webhook-delivery-not-dead.webhook-inactive"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    listPersonalDataAccess: {
        parameters: {
            query?: {
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
                /** @description Only reads of this person’s data (their account subject) */
                person?: string;
                /** @description Only reads of the person with this NIK (matched by its digest; a person filed for at the counter has no account). Never logged. */
                nik?: string;
                /** @description Only reads by this username */
                reader?: string;
                /** @description The reader’s capacity on this record */
                readerRole?: "officer" | "tenant-admin" | "village-operator" | "filer" | "platform-admin" | "system";
                /** @description `handling` (an officer works the file), `verification` (an officer checks a supporting document), `complaint-handling`, `supervision` (the tenant admin), `assisted-filing` (the operator who filed for the person), `export` (a bulk export), `support` */
                purpose?: "handling" | "verification" | "complaint-handling" | "supervision" | "assisted-filing" | "export" | "support";
                /** @description What was read: the record, or one of its files (`item` names which) */
                recordType?: "application" | "application-document" | "application-output" | "complaint" | "complaint-attachment" | "booking";
                recordId?: string;
                /** @description Reads at or after this time */
                from?: string;
                /** @description Reads before this time */
                to?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the log */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    /** @description `no-store`: personal data is not kept by caches */
                    "Cache-Control": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "01937c4e-4444-7c3d-9e4f-5a6b7c8d9e0f",
                     *           "at": "2026-11-24T03:15:42.123Z",
                     *           "requestId": "5f0c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f",
                     *           "purpose": "handling",
                     *           "purposeName": {
                     *             "id": "Pemrosesan permohonan oleh petugas",
                     *             "en": "An officer handling the application"
                     *           },
                     *           "record": {
                     *             "type": "application",
                     *             "id": "01937c4e-5555-7c3d-9e4f-5a6b7c8d9e0f",
                     *             "ref": "7KQ2-M9XD",
                     *             "item": null
                     *           },
                     *           "reader": {
                     *             "subject": "3f1c…",
                     *             "username": "petugas.polri.kbb",
                     *             "role": "officer",
                     *             "agency": {
                     *               "code": "polri",
                     *               "name": "Polres Cimahi"
                     *             },
                     *             "ref": "a1b2c3d4e5"
                     *           },
                     *           "person": {
                     *             "subject": "9d2e…",
                     *             "identifiedByNik": true,
                     *             "hidden": false
                     *           }
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["PersonalDataAccess"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid.access-log-range-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    listMyPersonalDataAccess: {
        parameters: {
            query?: {
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of reads of my data */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    /** @description `no-store`: personal data is not kept by caches */
                    "Cache-Control": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "01937c4e-4444-7c3d-9e4f-5a6b7c8d9e0f",
                     *           "at": "2026-11-24T03:15:42.123Z",
                     *           "purpose": "handling",
                     *           "purposeName": {
                     *             "id": "Pemrosesan permohonan oleh petugas",
                     *             "en": "An officer handling the application"
                     *           },
                     *           "record": {
                     *             "type": "application",
                     *             "id": "01937c4e-5555-7c3d-9e4f-5a6b7c8d9e0f",
                     *             "ref": "7KQ2-M9XD",
                     *             "item": null
                     *           },
                     *           "reader": {
                     *             "role": "officer",
                     *             "roleName": {
                     *               "id": "Petugas instansi",
                     *               "en": "Agency officer"
                     *             },
                     *             "agency": {
                     *               "code": "polri",
                     *               "name": "Polres Cimahi"
                     *             },
                     *             "ref": "a1b2c3d4e5"
                     *           }
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["MyPersonalDataAccess"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    exportMyData: {
        parameters: {
            query?: {
                /** @description `true`: answered as an attachment (Content-Disposition), to save as a file */
                download?: boolean;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My data */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    /** @description `no-store`: personal data is not kept by caches */
                    "Cache-Control": string;
                    /** @description With `download=true`: attachment; filename="data-saya-{tenant}-{date}.json" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyData"];
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    getRetentionSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schedule */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RetentionLine"][];
                    };
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    setRetentionPeriod: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. Required to change an existing resource (428 without, 412 when it changed meanwhile). */
                "If-Match"?: string;
                /** @description `*`: create only, never replace (412 if it exists). */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description The line’s code, e.g. draft-applications */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "days": 60,
                 *       "basis": "Jadwal Retensi Arsip Pemerintah Kabupaten (nomor keputusan ditetapkan oleh regency)"
                 *     }
                 */
                "application/json": {
                    /** @description The period in days, within the line’s bounds */
                    days: number;
                    /** @description What the regency cites for it (its JRA, a Perbup, a decree number) */
                    basis: string;
                };
            };
        };
        responses: {
            /** @description The line as it now applies, with its ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionLine"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.retention-unknown"];
            409: components["responses"]["409.retention-fixed"];
            412: components["responses"]["412.precondition-failed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.retention-out-of-range"];
            428: components["responses"]["428.precondition-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    listEventTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalogue */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventTypeList"];
                };
            };
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    listEventEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every endpoint of the tenant */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["EventEndpoint"][];
                    };
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    createEventEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://simpel.dpmptsp.bandungbaratkab.go.id/satupintu/events",
                 *       "description": "Sistem perizinan DPMPTSP",
                 *       "eventTypes": [
                 *         "application.*"
                 *       ],
                 *       "agency": "dpmptsp"
                 *     }
                 */
                "application/json": {
                    /** @description Absolute https URL (http outside production), without credentials or fragment; a public address */
                    url: string;
                    description?: string;
                    /** @description Exact types (`complaint.filed`) or prefixes (`complaint.*`); empty: every type */
                    eventTypes?: string[];
                    agency?: string | null;
                    /** @description Default true */
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Created, with its ETag and its secret (shown this once) */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0193a1c2-7d4e-7f00-8a11-2b3c4d5e6f70",
                     *       "url": "https://simpel.dpmptsp.bandungbaratkab.go.id/satupintu/events",
                     *       "description": "Sistem perizinan DPMPTSP",
                     *       "eventTypes": [
                     *         "application.*"
                     *       ],
                     *       "agency": "dpmptsp",
                     *       "active": true,
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "secretHint": "Q9x=",
                     *       "previousSecretUntil": null,
                     *       "legacy": false,
                     *       "legacyHeaders": false,
                     *       "maxAttempts": 10,
                     *       "createdAt": "2026-12-07T03:00:00.000Z",
                     *       "updatedBy": "admin.kbb",
                     *       "updatedAt": "2026-12-07T03:00:00.000Z",
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Q9xZq6Q9x="
                     *     }
                     */
                    "application/json": components["schemas"]["EventEndpointWithSecret"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.event-endpoint-url-invalid.event-type-unknown"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    getEventEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                endpoint: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint, with its ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0193a1c2-7d4e-7f00-8a11-2b3c4d5e6f70",
                     *       "url": "https://simpel.dpmptsp.bandungbaratkab.go.id/satupintu/events",
                     *       "description": "Sistem perizinan DPMPTSP",
                     *       "eventTypes": [
                     *         "application.*"
                     *       ],
                     *       "agency": "dpmptsp",
                     *       "active": true,
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "secretHint": "Q9x=",
                     *       "previousSecretUntil": null,
                     *       "legacy": false,
                     *       "legacyHeaders": false,
                     *       "maxAttempts": 10,
                     *       "createdAt": "2026-12-07T03:00:00.000Z",
                     *       "updatedBy": "admin.kbb",
                     *       "updatedAt": "2026-12-07T03:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["EventEndpoint"];
                };
            };
            /** @description Not modified (If-None-Match names the current ETag) */
            304: {
                headers: {
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.event-endpoint-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    deleteEventEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. Required to change an existing resource (428 without, 412 when it changed meanwhile). */
                "If-Match"?: string;
                /** @description `*`: create only, never replace (412 if it exists). */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                endpoint: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.event-endpoint-not-found"];
            412: components["responses"]["412.precondition-failed"];
            428: components["responses"]["428.precondition-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    updateEventEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. Required to change an existing resource (428 without, 412 when it changed meanwhile). */
                "If-Match"?: string;
                /** @description `*`: create only, never replace (412 if it exists). */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                endpoint: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "eventTypes": [
                 *         "application.*",
                 *         "appointment.booked"
                 *       ],
                 *       "active": true
                 *     }
                 */
                "application/json": {
                    /** @description Absolute https URL (http outside production), without credentials or fragment; a public address */
                    url?: string;
                    description?: string;
                    /** @description Exact types (`complaint.filed`) or prefixes (`complaint.*`); empty: every type */
                    eventTypes?: string[];
                    agency?: string | null;
                    /** @description Switching on again clears `disabledReason` */
                    active?: boolean;
                    /** @description Endpoints migrated from the complaint webhook: `false` stops the X-Satupintu-* headers */
                    legacyHeaders?: boolean;
                };
            };
        };
        responses: {
            /** @description Changed, with the new ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0193a1c2-7d4e-7f00-8a11-2b3c4d5e6f70",
                     *       "url": "https://simpel.dpmptsp.bandungbaratkab.go.id/satupintu/events",
                     *       "description": "Sistem perizinan DPMPTSP",
                     *       "eventTypes": [
                     *         "application.*"
                     *       ],
                     *       "agency": "dpmptsp",
                     *       "active": true,
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "secretHint": "Q9x=",
                     *       "previousSecretUntil": null,
                     *       "legacy": false,
                     *       "legacyHeaders": false,
                     *       "maxAttempts": 10,
                     *       "createdAt": "2026-12-07T03:00:00.000Z",
                     *       "updatedBy": "admin.kbb",
                     *       "updatedAt": "2026-12-07T03:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["EventEndpoint"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.event-endpoint-not-found"];
            412: components["responses"]["412.precondition-failed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.event-endpoint-url-invalid.event-type-unknown"];
            428: components["responses"]["428.precondition-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    rotateEventEndpointSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. Required to change an existing resource (428 without, 412 when it changed meanwhile). */
                "If-Match"?: string;
                /** @description `*`: create only, never replace (412 if it exists). */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                endpoint: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rotated: the new secret (shown this once) and the new ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0193a1c2-7d4e-7f00-8a11-2b3c4d5e6f70",
                     *       "url": "https://simpel.dpmptsp.bandungbaratkab.go.id/satupintu/events",
                     *       "description": "Sistem perizinan DPMPTSP",
                     *       "eventTypes": [
                     *         "application.*"
                     *       ],
                     *       "agency": "dpmptsp",
                     *       "active": true,
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "secretHint": "Q9x=",
                     *       "previousSecretUntil": null,
                     *       "legacy": false,
                     *       "legacyHeaders": false,
                     *       "maxAttempts": 10,
                     *       "createdAt": "2026-12-07T03:00:00.000Z",
                     *       "updatedBy": "admin.kbb",
                     *       "updatedAt": "2026-12-07T03:00:00.000Z",
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Q9xZq6Q9x="
                     *     }
                     */
                    "application/json": components["schemas"]["EventEndpointWithSecret"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.event-endpoint-not-found"];
            412: components["responses"]["412.precondition-failed"];
            428: components["responses"]["428.precondition-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    listEventEndpointDeliveries: {
        parameters: {
            query?: {
                status?: "pending" | "delivered" | "dead";
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                endpoint: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of deliveries */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["EventDelivery"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.event-endpoint-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    listEventDeliveries: {
        parameters: {
            query?: {
                status?: "pending" | "delivered" | "dead";
                endpoint?: string;
                /** @description Rows per page (1–200, default 50) */
                limit?: number;
                /** @description The `next` of the previous page, unchanged */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of deliveries */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["EventDelivery"][];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.event-endpoint-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    getEventDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                endpoint: string;
                delivery: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDeliveryDetail"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.event-delivery-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    replayEventDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                endpoint: string;
                delivery: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new delivery, pending */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDeliveryDetail"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.event-delivery-not-found.event-endpoint-not-found"];
            409: components["responses"]["409.event-delivery-not-dead.event-endpoint-inactive"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    replayDeadEventDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                endpoint: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "since": "2026-12-06T00:00:00Z"
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: date-time
                     * @description Replay every dead delivery of the endpoint created at or after this time (not replayed already)
                     */
                    since: string;
                };
            };
        };
        responses: {
            /** @description How many were replayed, and their new deliveries */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventReplayResult"];
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.event-endpoint-not-found"];
            409: components["responses"]["409.event-endpoint-inactive"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    getMyContacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your channels */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contacts: {
                            /**
                             * @description WhatsApp (read most), SMS (registered sender ID), email
                             * @enum {unknown}
                             */
                            channel: "whatsapp" | "sms" | "email";
                            address: string;
                            label: string | null;
                            /**
                             * @description Whose number it is: the person’s own, a relative’s, the village operator’s, someone else’s
                             * @enum {unknown}
                             */
                            relation: "self" | "family" | "village-operator" | "other";
                            /**
                             * @description The language messages are written in
                             * @enum {unknown}
                             */
                            lang: "id" | "en";
                            consent: {
                                granted: boolean;
                                /**
                                 * @description How consent was given (web: in the person’s own account)
                                 * @enum {unknown}
                                 */
                                method: "web" | "counter" | "paper" | "whatsapp" | "sms";
                                /** Format: date-time */
                                at: string;
                                statement: string;
                            } | null;
                            /** @description Other people whose messages go to this same number or address */
                            sharedWith: number;
                            /** @description Shared by several people, or the village operator’s: check who reads it */
                            flagged: boolean;
                        }[];
                        /** @description What the person agrees to, per channel, as recorded */
                        statements: {
                            whatsapp: {
                                id: string;
                                en: string;
                            };
                            sms: {
                                id: string;
                                en: string;
                            };
                            email: {
                                id: string;
                                en: string;
                            };
                        };
                        /** @description Channels this regency offers now */
                        channels: {
                            whatsapp: boolean;
                            sms: boolean;
                            email: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    setMyContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description WhatsApp (read most), SMS (registered sender ID), email */
                channel: "whatsapp" | "sms" | "email";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "address": "0812 3456 7890",
                 *       "consent": true,
                 *       "lang": "id"
                 *     }
                 */
                "application/json": {
                    /** @description Phone number (0812…, +62 812…) for WhatsApp and SMS; email address for email */
                    address: string;
                    /** @description Who reads it, when not the person: "Ibu Siti (anak)" */
                    label?: string;
                    /**
                     * @description Whose number it is: the person’s own, a relative’s, the village operator’s, someone else’s
                     * @enum {unknown}
                     */
                    relation?: "self" | "family" | "village-operator" | "other";
                    /**
                     * @description The language messages are written in
                     * @enum {unknown}
                     */
                    lang?: "id" | "en";
                    /** @description true: agree to messages on this channel (the statement of GET …/contacts is what is agreed); false: stop them */
                    consent: boolean;
                };
            };
        };
        responses: {
            /** @description The channel as recorded */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description WhatsApp (read most), SMS (registered sender ID), email
                         * @enum {unknown}
                         */
                        channel: "whatsapp" | "sms" | "email";
                        address: string;
                        label: string | null;
                        /**
                         * @description Whose number it is: the person’s own, a relative’s, the village operator’s, someone else’s
                         * @enum {unknown}
                         */
                        relation: "self" | "family" | "village-operator" | "other";
                        /**
                         * @description The language messages are written in
                         * @enum {unknown}
                         */
                        lang: "id" | "en";
                        consent: {
                            granted: boolean;
                            /**
                             * @description How consent was given (web: in the person’s own account)
                             * @enum {unknown}
                             */
                            method: "web" | "counter" | "paper" | "whatsapp" | "sms";
                            /** Format: date-time */
                            at: string;
                            statement: string;
                        } | null;
                        /** @description Other people whose messages go to this same number or address */
                        sharedWith: number;
                        /** @description Shared by several people, or the village operator’s: check who reads it */
                        flagged: boolean;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.contact-address-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    removeMyContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                /** @description WhatsApp (read most), SMS (registered sender ID), email */
                channel: "whatsapp" | "sms" | "email";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stopped */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.contact-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    listMyNotifications: {
        parameters: {
            query?: {
                application?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "019aa4b2-7c1e-7d3a-9f10-3c5e8a1b2c3d",
                     *           "event": "application.received",
                     *           "channel": "whatsapp",
                     *           "to": "+62812****789",
                     *           "status": "delivered",
                     *           "text": "Permohonan Penggantian KTP-el Anda sudah kami terima. Kode lacak: 7KQ2-M9XD. Perkiraan selesai: Selasa, 8 Desember 2026. Pantau di https://mpp.bandungbaratkab.go.id/t/kab-bandung-barat/permohonan/019a…",
                     *           "applicationId": "019aa4b2-0000-7d3a-9f10-3c5e8a1b2c3d",
                     *           "fallbackFrom": null,
                     *           "createdAt": "2026-12-07T02:00:00.000Z",
                     *           "updatedAt": "2026-12-07T02:00:04.000Z",
                     *           "history": [
                     *             {
                     *               "status": "created",
                     *               "at": "2026-12-07T02:00:00.000Z",
                     *               "source": "service",
                     *               "code": null
                     *             },
                     *             {
                     *               "status": "sending",
                     *               "at": "2026-12-07T02:00:01.000Z",
                     *               "source": "worker",
                     *               "code": null
                     *             },
                     *             {
                     *               "status": "sent",
                     *               "at": "2026-12-07T02:00:02.000Z",
                     *               "source": "worker",
                     *               "code": null
                     *             },
                     *             {
                     *               "status": "delivered",
                     *               "at": "2026-12-07T02:00:04.000Z",
                     *               "source": "provider",
                     *               "code": null
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** @description application.received, application.documents_requested, application.ready, application.rejected, application.step, appointment.booked, appointment.moved, appointment.cancelled, appointment.withdrawn, queue.called_soon, complaint.answered, complaint.rejected, skm.invitation, staff.notice */
                            event: string;
                            /**
                             * @description inbox: kept in the web app only (no channel the person consented to)
                             * @enum {unknown}
                             */
                            channel: "whatsapp" | "sms" | "email" | "inbox";
                            /** @description Where it went (masked for staff) */
                            to: string | null;
                            /**
                             * @description GOV.UK Notify’s statuses plus WhatsApp’s read: derived from the status log, so reports arriving out of order never move a message backwards
                             * @enum {unknown}
                             */
                            status: "created" | "sending" | "sent" | "delivered" | "read" | "temporary-failure" | "permanent-failure" | "technical-failure";
                            text: string;
                            applicationId: string | null;
                            /** @description The message on another channel this one replaces (it failed for good) */
                            fallbackFrom: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            history: {
                                /**
                                 * @description GOV.UK Notify’s statuses plus WhatsApp’s read: derived from the status log, so reports arriving out of order never move a message backwards
                                 * @enum {unknown}
                                 */
                                status: "created" | "sending" | "sent" | "delivered" | "read" | "temporary-failure" | "permanent-failure" | "technical-failure";
                                /** Format: date-time */
                                at: string;
                                source: string;
                                code: string | null;
                            }[];
                        }[];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    listApplicationNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The messages, oldest first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** @description application.received, application.documents_requested, application.ready, application.rejected, application.step, appointment.booked, appointment.moved, appointment.cancelled, appointment.withdrawn, queue.called_soon, complaint.answered, complaint.rejected, skm.invitation, staff.notice */
                            event: string;
                            /**
                             * @description inbox: kept in the web app only (no channel the person consented to)
                             * @enum {unknown}
                             */
                            channel: "whatsapp" | "sms" | "email" | "inbox";
                            /** @description Where it went (masked for staff) */
                            to: string | null;
                            /**
                             * @description GOV.UK Notify’s statuses plus WhatsApp’s read: derived from the status log, so reports arriving out of order never move a message backwards
                             * @enum {unknown}
                             */
                            status: "created" | "sending" | "sent" | "delivered" | "read" | "temporary-failure" | "permanent-failure" | "technical-failure";
                            text: string;
                            applicationId: string | null;
                            /** @description The message on another channel this one replaces (it failed for good) */
                            fallbackFrom: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            history: {
                                /**
                                 * @description GOV.UK Notify’s statuses plus WhatsApp’s read: derived from the status log, so reports arriving out of order never move a message backwards
                                 * @enum {unknown}
                                 */
                                status: "created" | "sending" | "sent" | "delivered" | "read" | "temporary-failure" | "permanent-failure" | "technical-failure";
                                /** Format: date-time */
                                at: string;
                                source: string;
                                code: string | null;
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.application-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    listApplicationRecipients: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The channels */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * @description WhatsApp (read most), SMS (registered sender ID), email
                             * @enum {unknown}
                             */
                            channel: "whatsapp" | "sms" | "email";
                            address: string;
                            label: string | null;
                            /**
                             * @description Whose number it is: the person’s own, a relative’s, the village operator’s, someone else’s
                             * @enum {unknown}
                             */
                            relation: "self" | "family" | "village-operator" | "other";
                            /**
                             * @description The language messages are written in
                             * @enum {unknown}
                             */
                            lang: "id" | "en";
                            consent: {
                                granted: boolean;
                                /**
                                 * @description How consent was given (web: in the person’s own account)
                                 * @enum {unknown}
                                 */
                                method: "web" | "counter" | "paper" | "whatsapp" | "sms";
                                /** Format: date-time */
                                at: string;
                                statement: string;
                            } | null;
                            /** @description Other people whose messages go to this same number or address */
                            sharedWith: number;
                            /** @description Shared by several people, or the village operator’s: check who reads it */
                            flagged: boolean;
                        }[];
                    };
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.application-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    setApplicationRecipient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
                /** @description WhatsApp (read most), SMS (registered sender ID), email */
                channel: "whatsapp" | "sms" | "email";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "address": "0813 9876 5432",
                 *       "consent": true,
                 *       "method": "counter",
                 *       "relation": "family",
                 *       "label": "Pak Budi (anak)"
                 *     }
                 */
                "application/json": {
                    address: string;
                    label?: string;
                    /**
                     * @description Whose number it is: the person’s own, a relative’s, the village operator’s, someone else’s
                     * @enum {unknown}
                     */
                    relation?: "self" | "family" | "village-operator" | "other";
                    /**
                     * @description The language messages are written in
                     * @enum {unknown}
                     */
                    lang?: "id" | "en";
                    consent: boolean;
                    /**
                     * @description counter: said in person to the officer; paper: signed on the form (kept with the file)
                     * @enum {unknown}
                     */
                    method: "counter" | "paper";
                };
            };
        };
        responses: {
            /** @description The channel as recorded */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description WhatsApp (read most), SMS (registered sender ID), email
                         * @enum {unknown}
                         */
                        channel: "whatsapp" | "sms" | "email";
                        address: string;
                        label: string | null;
                        /**
                         * @description Whose number it is: the person’s own, a relative’s, the village operator’s, someone else’s
                         * @enum {unknown}
                         */
                        relation: "self" | "family" | "village-operator" | "other";
                        /**
                         * @description The language messages are written in
                         * @enum {unknown}
                         */
                        lang: "id" | "en";
                        consent: {
                            granted: boolean;
                            /**
                             * @description How consent was given (web: in the person’s own account)
                             * @enum {unknown}
                             */
                            method: "web" | "counter" | "paper" | "whatsapp" | "sms";
                            /** Format: date-time */
                            at: string;
                            statement: string;
                        } | null;
                        /** @description Other people whose messages go to this same number or address */
                        sharedWith: number;
                        /** @description Shared by several people, or the village operator’s: check who reads it */
                        flagged: boolean;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.application-not-found"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.contact-address-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    checkContactAddress: {
        parameters: {
            query: {
                /** @description WhatsApp (read most), SMS (registered sender ID), email */
                channel: "whatsapp" | "sms" | "email";
                address: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The check */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: string;
                        masked: string;
                        sharedWith: number;
                        flagged: boolean;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            422: components["responses"]["422.contact-address-invalid"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    getNotificationSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings, with their ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        displayName: string;
                        whatsapp: {
                            phoneNumberId: string;
                            wabaId: string;
                            language: string;
                            accessTokenSet: boolean;
                            appSecretSet: boolean;
                            verifyTokenSet: boolean;
                            callbackUrl: string;
                        } | null;
                        sms: {
                            senderId: string;
                            callbackUrl: string;
                        } | null;
                        email: {
                            replyTo: string | null;
                        } | null;
                        staff: {
                            [key: string]: string[];
                        };
                        quietHours: {
                            start: string;
                            end: string;
                        } | null;
                        /** @description Messages per local day per channel (non-urgent ones beyond wait for the next morning) */
                        dailyCaps: {
                            whatsapp?: number;
                            sms?: number;
                            email?: number;
                        };
                        prices: {
                            /**
                             * @description WhatsApp (read most), SMS (registered sender ID), email
                             * @enum {unknown}
                             */
                            channel: "whatsapp" | "sms" | "email";
                            category: string;
                            /** @description WhatsApp: a rule for messages inside the 24-hour service window (free for utility since July 2025) */
                            insideWindow?: boolean;
                            /** @description IDR per billable unit (an SMS segment, a WhatsApp message, an email) */
                            unitPrice: number;
                        }[];
                        providers: {
                            whatsapp: boolean;
                            sms: boolean;
                            email: boolean;
                        };
                        version: number;
                        updatedBy: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Not modified (If-None-Match names the current ETag) */
            304: {
                headers: {
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    configureNotificationSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. Required to change an existing resource (428 without, 412 when it changed meanwhile). */
                "If-Match"?: string;
                /** @description `*`: create only, never replace (412 if it exists). */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "displayName": "MPP Kab. Bandung Barat",
                 *       "sms": {
                 *         "senderId": "MPPKBB"
                 *       },
                 *       "quietHours": {
                 *         "start": "21:00",
                 *         "end": "07:00"
                 *       },
                 *       "dailyCaps": {
                 *         "sms": 2000
                 *       },
                 *       "prices": [
                 *         {
                 *           "channel": "sms",
                 *           "category": "*",
                 *           "unitPrice": 350
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description The sender people see: "MPP Kab. Bandung Barat" */
                    displayName: string;
                    whatsapp?: {
                        /** @description The regency’s own WhatsApp Business number id (Meta) */
                        phoneNumberId: string;
                        /** @description Its WhatsApp Business account id */
                        wabaId: string;
                        /** @enum {unknown} */
                        language?: "id" | "en";
                        /** @description Write only: a system-user token; kept encrypted */
                        accessToken?: string;
                        /** @description Write only: the app secret status callbacks are signed with */
                        appSecret?: string;
                        /** @description Write only: the callback handshake token (generated when left out) */
                        verifyToken?: string;
                    } | null;
                    sms?: {
                        /** @description Sender ID registered with the operators, e.g. MPPKBB */
                        senderId: string;
                    } | null;
                    email?: {
                        /** Format: email */
                        replyTo?: string;
                    } | null;
                    /** @description Work email addresses for staff notices: tenant-admin, officer:<agency> */
                    staff?: {
                        [key: string]: string[];
                    };
                    quietHours?: {
                        start: string;
                        end: string;
                    } | null;
                    /** @description Messages per local day per channel (non-urgent ones beyond wait for the next morning) */
                    dailyCaps?: {
                        whatsapp?: number;
                        sms?: number;
                        email?: number;
                    };
                    prices?: {
                        /**
                         * @description WhatsApp (read most), SMS (registered sender ID), email
                         * @enum {unknown}
                         */
                        channel: "whatsapp" | "sms" | "email";
                        category: string;
                        /** @description WhatsApp: a rule for messages inside the 24-hour service window (free for utility since July 2025) */
                        insideWindow?: boolean;
                        /** @description IDR per billable unit (an SMS segment, a WhatsApp message, an email) */
                        unitPrice: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description The settings as stored, with the new ETag */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    ETag: components["headers"]["ETag.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        displayName: string;
                        whatsapp: {
                            phoneNumberId: string;
                            wabaId: string;
                            language: string;
                            accessTokenSet: boolean;
                            appSecretSet: boolean;
                            verifyTokenSet: boolean;
                            callbackUrl: string;
                        } | null;
                        sms: {
                            senderId: string;
                            callbackUrl: string;
                        } | null;
                        email: {
                            replyTo: string | null;
                        } | null;
                        staff: {
                            [key: string]: string[];
                        };
                        quietHours: {
                            start: string;
                            end: string;
                        } | null;
                        /** @description Messages per local day per channel (non-urgent ones beyond wait for the next morning) */
                        dailyCaps: {
                            whatsapp?: number;
                            sms?: number;
                            email?: number;
                        };
                        prices: {
                            /**
                             * @description WhatsApp (read most), SMS (registered sender ID), email
                             * @enum {unknown}
                             */
                            channel: "whatsapp" | "sms" | "email";
                            category: string;
                            /** @description WhatsApp: a rule for messages inside the 24-hour service window (free for utility since July 2025) */
                            insideWindow?: boolean;
                            /** @description IDR per billable unit (an SMS segment, a WhatsApp message, an email) */
                            unitPrice: number;
                        }[];
                        providers: {
                            whatsapp: boolean;
                            sms: boolean;
                            email: boolean;
                        };
                        version: number;
                        updatedBy: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.malformed-json.body-too-deep.bad-request"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            412: components["responses"]["412.precondition-failed"];
            413: components["responses"]["413.body-too-large"];
            415: components["responses"]["415.unsupported-media-type.unsupported-encoding"];
            422: components["responses"]["422.body-invalid.notification-sender-secret-missing.sms-sender-id-invalid"];
            428: components["responses"]["428.precondition-required"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.auth-unavailable.database-unavailable"];
        };
    };
    getWhatsAppVerifyToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token and callback URL */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        verifyToken: string;
                        callbackUrl: string;
                    };
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.notification-callback-not-configured"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description GOV.UK Notify’s statuses plus WhatsApp’s read: derived from the status log, so reports arriving out of order never move a message backwards */
                status?: "created" | "sending" | "sent" | "delivered" | "read" | "temporary-failure" | "permanent-failure" | "technical-failure";
                /** @description inbox: kept in the web app only (no channel the person consented to) */
                channel?: "whatsapp" | "sms" | "email" | "inbox";
                event?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** @description application.received, application.documents_requested, application.ready, application.rejected, application.step, appointment.booked, appointment.moved, appointment.cancelled, appointment.withdrawn, queue.called_soon, complaint.answered, complaint.rejected, skm.invitation, staff.notice */
                            event: string;
                            /**
                             * @description inbox: kept in the web app only (no channel the person consented to)
                             * @enum {unknown}
                             */
                            channel: "whatsapp" | "sms" | "email" | "inbox";
                            /** @description Where it went (masked for staff) */
                            to: string | null;
                            /**
                             * @description GOV.UK Notify’s statuses plus WhatsApp’s read: derived from the status log, so reports arriving out of order never move a message backwards
                             * @enum {unknown}
                             */
                            status: "created" | "sending" | "sent" | "delivered" | "read" | "temporary-failure" | "permanent-failure" | "technical-failure";
                            text: string;
                            applicationId: string | null;
                            /** @description The message on another channel this one replaces (it failed for good) */
                            fallbackFrom: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            history: {
                                /**
                                 * @description GOV.UK Notify’s statuses plus WhatsApp’s read: derived from the status log, so reports arriving out of order never move a message backwards
                                 * @enum {unknown}
                                 */
                                status: "created" | "sending" | "sent" | "delivered" | "read" | "temporary-failure" | "permanent-failure" | "technical-failure";
                                /** Format: date-time */
                                at: string;
                                source: string;
                                code: string | null;
                            }[];
                        }[];
                        /** @description Cursor of the next page (also in the `Link` header); null on the last page */
                        next: string | null;
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid.cursor-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    getNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message and its status log */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description application.received, application.documents_requested, application.ready, application.rejected, application.step, appointment.booked, appointment.moved, appointment.cancelled, appointment.withdrawn, queue.called_soon, complaint.answered, complaint.rejected, skm.invitation, staff.notice */
                        event: string;
                        /**
                         * @description inbox: kept in the web app only (no channel the person consented to)
                         * @enum {unknown}
                         */
                        channel: "whatsapp" | "sms" | "email" | "inbox";
                        /** @description Where it went (masked for staff) */
                        to: string | null;
                        /**
                         * @description GOV.UK Notify’s statuses plus WhatsApp’s read: derived from the status log, so reports arriving out of order never move a message backwards
                         * @enum {unknown}
                         */
                        status: "created" | "sending" | "sent" | "delivered" | "read" | "temporary-failure" | "permanent-failure" | "technical-failure";
                        text: string;
                        applicationId: string | null;
                        /** @description The message on another channel this one replaces (it failed for good) */
                        fallbackFrom: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        history: {
                            /**
                             * @description GOV.UK Notify’s statuses plus WhatsApp’s read: derived from the status log, so reports arriving out of order never move a message backwards
                             * @enum {unknown}
                             */
                            status: "created" | "sending" | "sent" | "delivered" | "read" | "temporary-failure" | "permanent-failure" | "technical-failure";
                            /** Format: date-time */
                            at: string;
                            source: string;
                            code: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["400.path-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found.notification-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    getNotificationUsage: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD */
                from?: string;
                /** @description YYYY-MM-DD */
                to?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Usage */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        from: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        to: string;
                        rows: {
                            /**
                             * @description inbox: kept in the web app only (no channel the person consented to)
                             * @enum {unknown}
                             */
                            channel: "whatsapp" | "sms" | "email" | "inbox";
                            category: string;
                            messages: number;
                            sent: number;
                            delivered: number;
                            read: number;
                            failed: number;
                            units: number;
                            cost: number;
                        }[];
                        total: {
                            messages: number;
                            cost: number;
                            /** @constant */
                            currency: "IDR";
                        };
                    };
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid"];
            401: components["responses"]["401.auth-required.token-invalid"];
            403: components["responses"]["403.role-required.tenant-not-allowed"];
            404: components["responses"]["404.tenant-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.auth-unavailable.database-unavailable"];
        };
    };
    verifyWhatsAppCallback: {
        parameters: {
            query?: {
                "hub.mode"?: string;
                "hub.verify_token"?: string;
                "hub.challenge"?: string;
            };
            header?: never;
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The challenge, echoed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            400: components["responses"]["400.path-invalid.query-invalid"];
            403: components["responses"]["403.notification-callback-unverified"];
            404: components["responses"]["404.tenant-not-found.notification-callback-not-configured"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    receiveWhatsAppCallback: {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<hex HMAC of the raw body> */
                "X-Hub-Signature-256": string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        /** @description Meta’s JSON, verified as received */
        requestBody: {
            content: {
                "application/json": string;
            };
        };
        responses: {
            /** @description Recorded */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reports: number;
                        inbound: number;
                    };
                };
            };
            400: components["responses"]["400.path-invalid"];
            403: components["responses"]["403.notification-callback-unverified"];
            404: components["responses"]["404.tenant-not-found.notification-callback-not-configured"];
            413: components["responses"]["413.body-too-large"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.database-unavailable"];
        };
    };
    receiveSmsReport: {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<hex HMAC of the raw body> */
                "X-Aggregator-Signature": string;
            };
            path: {
                /** @description Tenant slug, e.g. kab-bandung-barat */
                tenant: string;
            };
            cookie?: never;
        };
        /** @description The aggregator’s JSON report */
        requestBody: {
            content: {
                "application/json": string;
            };
        };
        responses: {
            /** @description Recorded */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reports: number;
                        inbound: number;
                    };
                };
            };
            400: components["responses"]["400.path-invalid"];
            403: components["responses"]["403.notification-callback-unverified"];
            404: components["responses"]["404.tenant-not-found.notification-callback-not-configured"];
            413: components["responses"]["413.body-too-large"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.tenant-moving.database-unavailable"];
        };
    };
    listProblemTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every kind of problem */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ProblemKind"][];
                    };
                };
            };
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
    getProblemType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The code in kebab case, e.g. `application-not-found` */
                type: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The kind of problem */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id.required"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "APPLICATION_NOT_FOUND",
                     *       "status": 404,
                     *       "type": "/api/v1/problems/application-not-found",
                     *       "title": {
                     *         "id": "Permohonan tidak ditemukan",
                     *         "en": "Application not found"
                     *       },
                     *       "description": {
                     *         "id": "Permohonan tidak ditemukan",
                     *         "en": "Application not found"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ProblemKind"];
                };
            };
            400: components["responses"]["400.path-invalid"];
            404: components["responses"]["404.problem-type-not-found"];
            429: components["responses"]["429.rate-limited"];
            500: components["responses"]["500.internal"];
            503: components["responses"]["503.database-unavailable"];
        };
    };
}

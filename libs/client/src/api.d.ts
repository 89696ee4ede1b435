// The API's types, generated from libs/client/src/openapi.json by tools/openapi/generate.mjs: do not edit.
export interface paths {
    "/api/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alerts, newest first: one episode of one condition on one machine each, filtered by state, machine, severity and opening time
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["AlertsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One alert with its timeline (opened, updated, notified, escalated, acknowledged, resolved: when and by whom)
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["AlertsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take an open alert, with an optional comment: it stops escalating; 409 if it is not open
         * @description Needs the operator role or a larger one (operator, admin).
         */
        post: operations["AlertsController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close an alert by hand, with an optional comment (alerts also resolve by themselves when their condition clears); 409 if already resolved
         * @description Needs the operator role or a larger one (operator, admin).
         */
        post: operations["AlertsController_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every alert rule, the defaults of a new installation included
         * @description Needs the admin role or a larger one (admin).
         */
        get: operations["AlertRulesController_list"];
        put?: never;
        /**
         * Create a rule: condition and its params, scope, severity, cooldown, quiet hours in a time zone, escalation, channels (e-mail, webhook json|slack|teams, websocket)
         * @description Needs the admin role or a larger one (admin).
         */
        post: operations["AlertRulesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One alert rule
         * @description Needs the admin role or a larger one (admin).
         */
        get: operations["AlertRulesController_get"];
        /**
         * Replace a rule; its open alerts keep their episode and follow the new settings from now on
         * @description Needs the admin role or a larger one (admin).
         */
        put: operations["AlertRulesController_update"];
        post?: never;
        /**
         * Delete a rule; its alerts stay, without their rule
         * @description Needs the admin role or a larger one (admin).
         */
        delete: operations["AlertRulesController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/current-shift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each machine's OEE of its current shift so far (its own calendar's shift in progress, else the one that ended last within a day; the UTC day so far for a machine planned 24/7), for a live board
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["AnalyticsController_currentShift"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/downtime-patterns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Lost time by reason (Pareto with shares), by hour of the week in the calendar zone, MTBF, MTTR and the machines losing most, for one machine or all
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["AnalyticsController_downtimePatterns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/efficiency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * OEE, losses and ISO 22400-2 KPIs per machine of a selection (machine_ids, machine_type, location) and their totals
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["AnalyticsController_efficiency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every machine's current state, since when, current job, part count and the age of its last event; UNAVAILABLE when its data stopped arriving
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["AnalyticsController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/oee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * OEE of one machine (or all, aggregated by summing time models and counts) over [from, to), optionally as a series of hour/shift/day/week buckets in the calendar zone
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["AnalyticsController_oee"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys (never their secrets)
         * @description Needs the admin role or a larger one (admin).
         */
        get: operations["AuthController_list"];
        put?: never;
        /**
         * Create an API key; the key is in this response only
         * @description Needs the admin role or a larger one (admin).
         */
        post: operations["AuthController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/api-keys/{id}": {
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
         * Revoke an API key
         * @description Needs the admin role or a larger one (admin).
         */
        delete: operations["AuthController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange an API key for a short-lived bearer token with the same role
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        post: operations["AuthController_token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/token/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A fresh bearer token with the same role and key for a valid one, so a browser renews without keeping the key
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/{calendar_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The shift calendar that applies to a machine (its own, else the shop default, else 24/7: calendar = 'default_24x7'), or the default with id 'default'
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["CalendarsController_get"];
        /**
         * Set a machine's own weekly shift pattern, or the shop default with id 'default' (IANA zone, wall-clock shifts, may cross midnight)
         * @description Needs the admin role or a larger one (admin).
         */
        put: operations["CalendarsController_put"];
        post?: never;
        /**
         * Remove a machine's own calendar (it falls back to the default) or the default (machines fall back to 24/7)
         * @description Needs the admin role or a larger one (admin).
         */
        delete: operations["CalendarsController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Messages a consumer gave up on (DEAD_LETTERS), oldest first, with the reason; filter by durable consumer
         * @description Needs the admin role or a larger one (admin).
         */
        get: operations["DataSyncController_deadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data/dead-letters/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish dead letters to their original subject again and remove them: give exactly one of ids, consumer or all: true (by consumer or all, up to 1000 per call; call again until replayed is 0)
         * @description Needs the admin role or a larger one (admin).
         */
        post: operations["DataSyncController_replayDeadLetters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data/integrity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Integrity report of the synced data: orphans, overlapping jobs, event gaps, counts (lists capped at counts.list_limit), and the read model held against the CIMCO source per entity (source_comparison)
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["IntegrityController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data/mapping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check the source mapping against the source database now; lists every problem by name
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["DataSyncController_mapping"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data/quarantine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Source rows that failed validation, with their reasons and the raw row
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["DataSyncController_quarantine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a sync of the CIMCO source (incremental by default); 409 with the running sync_id if one runs
         * @description Needs the operator role or a larger one (operator, admin).
         */
        post: operations["DataSyncController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data/sync-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * State of the sync, the last run with its counts, and the source connection
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["DataSyncController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/machines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Machines of the shop floor, as last synced from the source
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["MachinesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/machines/{machine_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One machine; 404 MACHINE_NOT_FOUND if unknown
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["MachinesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/machines/{machine_id}/downtime": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Downtime records of one machine overlapping [from, to), by start time (limit default 1000); 404 MACHINE_NOT_FOUND if unknown
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["MachinesController_downtime"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/machines/{machine_id}/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Jobs of one machine overlapping [from, to), by start time (limit default 1000); 404 MACHINE_NOT_FOUND if unknown
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["MachinesController_jobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/machines/{machine_id}/readings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sensor readings of one machine in [from, to) (at most 31 days), per metric in equal time buckets (mean, min, max, count); 404 MACHINE_NOT_FOUND if unknown
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["MachinesController_readings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/machines/{machine_id}/risk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A machine's current risk: the latest prediction of each kind (downtime within 24 hours and within 7 days, failure risk, maintenance window, the latest anomalous hour of the last 24 hours) with its threshold, model version and top factors, null while no active model has scored it; 404 MACHINE_NOT_FOUND if unknown
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["MachineRiskController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/machines/{machine_id}/states": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recorded states of one machine in [from, to) (at most 31 days): one stretch per change of state, reason or job, the state in effect at from included; 404 MACHINE_NOT_FOUND if unknown
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["MachinesController_states"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ml/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The uploaded datasets, newest first
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["MlController_listDatasets"];
        put?: never;
        /**
         * Upload a dataset for training and evaluation: JSON { name, label, exclude?, group?, order?, rows } or text/csv with name, label, exclude (comma list), group, order as query parameters
         * @description Needs the admin role or a larger one (admin).
         */
        post: operations["MlController_createDataset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ml/datasets/{dataset_id}": {
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
         * Delete an uploaded dataset (models trained on it stay); 409 while a training on it is queued or running
         * @description Needs the admin role or a larger one (admin).
         */
        delete: operations["MlController_deleteDataset"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ml/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Score a model on a dataset: precision, recall, F1, PR-AUC, ROC-AUC, confusion (classifiers) or RMSE, MAE, PHM08 score (remaining life); at 'last' scores each group's last row
         * @description Needs the admin role or a larger one (admin).
         */
        post: operations["MlController_evaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ml/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every trained model version (newest first per type), with its training data, hyperparameters, metrics and whether it is active
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["MlController_models"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ml/models/{model_id}/accuracy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live accuracy of a model version: how its stored predictions turned out (Brier score, precision, recall, F1 at the model's threshold)
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["MlController_accuracy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ml/models/{model_id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make this version the one predictions use (activating an older version rolls back)
         * @description Needs the admin role or a larger one (admin).
         */
        post: operations["MlController_activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ml/optimize-schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign jobs to eligible machines from horizon_start, minimising tardiness, makespan and the expected cost of failures (machine_risk, else the latest downtime predictions); never worse than earliest-due-date, which it reports for comparison
         * @description Needs the operator role or a larger one (operator, admin).
         */
        post: operations["MlController_optimizeSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ml/predict/anomalies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A machine's hours in [from, to) (≤ 31 days) whose sensor readings look unlike normal, with score, threshold and the readings most responsible; each is published for alerting
         * @description Needs the operator role or a larger one (operator, admin).
         */
        post: operations["MlController_predictAnomalies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ml/predict/downtime": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Probability that an unplanned stop of the model's length (stop_minutes, 30 unless trained with params.threshold_minutes) starts on the machine within horizon_hours (1–168), from its history so far, with the factors behind it; stored, and scored once the horizon has passed
         * @description Needs the operator role or a larger one (operator, admin).
         */
        post: operations["MlController_predictDowntime"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ml/predict/failure-risk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Probability of a machine failure from readings (by the names the active failure_risk model was trained on), with the factors behind it (SHAP contributions); stored with its model version
         * @description Needs the operator role or a larger one (operator, admin).
         */
        post: operations["MlController_predictFailureRisk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ml/predict/maintenance-window": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hours to the machine's next breakdown (remaining useful life, up to 30 days) and the calmest 4-hour window to maintain it before then, with the factors behind the prediction
         * @description Needs the operator role or a larger one (operator, admin).
         */
        post: operations["MlController_predictMaintenance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ml/predictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stored predictions, newest first, by machine, type and time, each with its model version and its outcome once known
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["MlController_predictions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ml/train": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recent trainings newest first (20 unless limit), by state and model type: those queued by an admin and those the service started by itself
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["MlController_trainings"];
        put?: never;
        /**
         * Queue a training (it runs in the background on one ml replica); poll GET /api/v1/ml/train/{training_id}
         * @description Needs the admin role or a larger one (admin).
         */
        post: operations["MlController_train"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ml/train/{training_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * State and progress of a training; model_id and metrics once it has succeeded
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["MlController_training"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every e-mail and webhook call, newest first, with its state (pending, sent, failed), attempts, next attempt and last error
         * @description Needs the admin role or a larger one (admin).
         */
        get: operations["DeliveriesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/custom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Chosen metrics for chosen machines and period, by machine or by hour/shift/day/week, as json, csv, xlsx or pdf
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        post: operations["ReportsController_custom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * OEE by machine, downtime Pareto and totals for one day of the shop calendar (default yesterday), as json, csv, xlsx or pdf
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["ReportsController_daily"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Report schedules with their next run
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["ReportSchedulesController_list"];
        put?: never;
        /**
         * E-mail a report on a cron schedule in an IANA time zone (wall-clock times, right across clock changes): the daily report or a custom one over a period, as csv, xlsx, pdf or json
         * @description Needs the admin role or a larger one (admin).
         */
        post: operations["ReportSchedulesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/schedules/{id}": {
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
         * Delete a report schedule; its past runs are deleted with it
         * @description Needs the admin role or a larger one (admin).
         */
        delete: operations["ReportSchedulesController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/schedules/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A schedule's runs, newest first: when each was due, its outcome, the file and the e-mail that carried it
         * @description Needs the viewer role or a larger one (viewer, operator, admin).
         */
        get: operations["ReportSchedulesController_runs"];
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
        /** @description `POST /api/v1/alerts/{id}/acknowledge` and `.../resolve` body. */
        AlertActionBody: {
            comment?: string;
        };
        /** @enum {string} */
        AlertCondition: "machine_down_longer_than" | "data_gap_longer_than" | "oee_below" | "scrap_rate_above" | "failure_risk_above" | "maintenance_due_within" | "anomaly_detected";
        AlertDetailView: {
            acknowledged_at: string | null;
            acknowledged_by: string | null;
            condition: components["schemas"]["AlertCondition"];
            /** @description When the rule's escalation went out (not acknowledged in time), else null. */
            escalated_at: string | null;
            id: string;
            machine_id: string;
            message: string;
            opened_at: string;
            resolved_at: string | null;
            /** @description Who resolved it, or null when the condition cleared by itself. */
            resolved_by: string | null;
            /** @description The rule that opened it (null once the rule is deleted). */
            rule_id: string | null;
            severity: components["schemas"]["AlertSeverity"];
            state: components["schemas"]["AlertState"];
            timeline: components["schemas"]["AlertTimelineEntry"][];
            updated_at: string;
            /** @description What was measured: minutes down, the risk, the OEE, … as of the latest update. */
            values: {
                [key: string]: unknown;
            };
        };
        AlertPage: {
            items: components["schemas"]["AlertView"][];
            next_cursor: string | null;
        };
        AlertRulesController_list_Response: {
            items: components["schemas"]["RuleView"][];
        };
        /** @enum {string} */
        AlertSeverity: "info" | "warning" | "critical";
        /** @enum {string} */
        AlertState: "open" | "acknowledged" | "resolved";
        AlertTimelineEntry: {
            at: string;
            /** @description Who did it (a key's name), or null for the platform itself. */
            by: string | null;
            comment: string | null;
            kind: components["schemas"]["AlertTimelineKind"];
            values: {
                [key: string]: unknown;
            } | null;
        };
        /** @enum {string} */
        AlertTimelineKind: "opened" | "updated" | "acknowledged" | "resolved" | "escalated" | "notified";
        /** @description An alert: one episode of one condition on one machine, from opening to resolution. */
        AlertView: {
            acknowledged_at: string | null;
            acknowledged_by: string | null;
            condition: components["schemas"]["AlertCondition"];
            /** @description When the rule's escalation went out (not acknowledged in time), else null. */
            escalated_at: string | null;
            id: string;
            machine_id: string;
            message: string;
            opened_at: string;
            resolved_at: string | null;
            /** @description Who resolved it, or null when the condition cleared by itself. */
            resolved_by: string | null;
            /** @description The rule that opened it (null once the rule is deleted). */
            rule_id: string | null;
            severity: components["schemas"]["AlertSeverity"];
            state: components["schemas"]["AlertState"];
            updated_at: string;
            /** @description What was measured: minutes down, the risk, the OEE, … as of the latest update. */
            values: {
                [key: string]: unknown;
            };
        };
        AnomaliesView: {
            anomalies: components["schemas"]["AnomalyEvent"][];
            /** @description Hours with readings that were scored. */
            hours_scored: number;
            machine_id: string;
            model_id: string;
            model_version: number;
            period: {
                from: string;
                to: string;
            };
            threshold: number;
        };
        /** @description One hour whose readings look unlike the normal the model learned; published on `ml.prediction.anomaly`. */
        AnomalyEvent: {
            anomaly_id: string;
            /** @description End of the hour judged (its readings are those of the hour before). */
            at: string;
            factors: components["schemas"]["PredictionFactor"][];
            machine_id: string;
            model_id: string;
            model_version: number;
            score: number;
            threshold: number;
        };
        AnomalyRiskEntry: {
            /** @description Whether the value is at or over the threshold; null without a threshold. */
            above_threshold: boolean | null;
            /** @description End of the hour that looked unlike normal (its readings are those of the hour before), as AnomalyEvent.at. */
            at: string;
            /** @description The inputs that moved this prediction most, largest first. */
            factors: components["schemas"]["PredictionFactor"][];
            horizon_hours: number | null;
            model_id: string;
            model_version: number;
            predicted_at: string;
            /** @description Probability (downtime, failure_risk), hours to the next breakdown (maintenance_window), or an anomaly score. */
            predicted_value: number;
            prediction_id: string;
            /** @description The model's decision threshold (a probability or an anomaly score), null where a model has none. */
            threshold: number | null;
        };
        /** @enum {string} */
        ApiKeyRole: "viewer" | "operator" | "admin";
        ApiKeyView: {
            created_at: string;
            created_by: string;
            id: string;
            /** @description The first characters of the key, to tell keys apart. */
            key_prefix: string;
            last_used_at: string | null;
            name: string;
            revoked_at: string | null;
            role: components["schemas"]["ApiKeyRole"];
        };
        AuthController_list_Response: {
            items: components["schemas"]["ApiKeyView"][];
        };
        /** @description `PUT /api/v1/calendars/{machine_id|default}` body. */
        CalendarBody: {
            shifts: components["schemas"]["CalendarShift"][];
            /** @description IANA time zone, e.g. Europe/Berlin. */
            timezone: string;
        };
        CalendarShift: {
            /** @description The weekdays on which the shift starts (a night shift starting Friday 22:00 is a Friday shift). */
            days: components["schemas"]["WeekdayName"][];
            /** @description Wall-clock 'HH:MM' ('24:00' = midnight at the end of the day); at or before start = the shift ends the next day. */
            end: string;
            name: string;
            /** @description Wall-clock 'HH:MM' in the calendar's zone. */
            start: string;
        };
        /**
         * @description Which calendar applies: the machine's own, the shop default, or none (planned 24/7).
         * @enum {string}
         */
        CalendarSource: "machine" | "default" | "default_24x7";
        /** @description The calendar that applies to a machine (or the default), as `GET /api/v1/calendars/{id}` returns it. */
        CalendarView: {
            /** @description Where the applying calendar comes from; 'default_24x7' = none configured, planned around the clock. */
            calendar: components["schemas"]["CalendarSource"];
            /** @description The id asked for: a machine id or 'default'. */
            calendar_id: string;
            shifts: components["schemas"]["CalendarShift"][];
            timezone: string | null;
            updated_at: string | null;
        };
        /** @description Where a rule's notifications go. `websocket` is /ws/alerts, which every alert reaches anyway. */
        ChannelBody: {
            /** @description Webhook: plain JSON, or a Slack or Teams message. Default json. */
            format?: components["schemas"]["WebhookFormat"];
            /** @description E-mail: the recipients (required for e-mail). */
            to?: string[];
            type: components["schemas"]["ChannelType"];
            /** @description Webhook: the URL the JSON is POSTed to, http or https (required for a webhook). */
            url?: string;
        };
        /** @enum {string} */
        ChannelType: "email" | "webhook" | "websocket";
        ChannelView: {
            format?: components["schemas"]["WebhookFormat"];
            to?: string[];
            type: components["schemas"]["ChannelType"];
            url?: string;
        };
        CreateApiKeyDto: {
            name: string;
            role: components["schemas"]["ApiKeyRole"];
        };
        CreatedApiKeyView: {
            id: string;
            /** @description The secret, shown this once. */
            key: string;
            name: string;
            role: components["schemas"]["ApiKeyRole"];
        };
        /** @description `GET /api/v1/analytics/current-shift` query and `analytics.oee.current-shift` request. */
        CurrentShiftQuery: {
            location?: string;
            /** @description Comma-separated machine ids. */
            machine_ids?: string;
            machine_type?: string;
        };
        CurrentShiftView: {
            generated_at: string;
            machines: components["schemas"]["MachineShiftOeeView"][];
            micro_stop_threshold_seconds: number;
        };
        /** @description `POST /api/v1/reports/custom`. */
        CustomReportRequest: {
            format?: components["schemas"]["ReportFileFormat"];
            /** Format: date-time */
            from: string;
            /** @description Rows per machine, or per time bucket of all selected machines together. Default machine. */
            group_by?: components["schemas"]["ReportGroup"];
            /** @description Default: every machine. */
            machine_ids?: string[];
            metrics: components["schemas"]["ReportMetric"][];
            title?: string;
            /** Format: date-time */
            to: string;
        };
        /** @description `GET /api/v1/reports/daily?date&format`. */
        DailyReportQuery: {
            /** @description The day in the shop's default calendar zone (UTC without one); default yesterday. */
            date?: string;
            format?: components["schemas"]["ReportFileFormat"];
        };
        /** @description `POST /api/v1/ml/datasets` as JSON: the spec and the rows. Cells are numbers or text; `null` is a missing value (not allowed in the label, group or order column); true/false are neither. A feature column of text is a categorical feature, unless nearly every row has its own value or it has more than 100 distinct values (an identifier), or a value is longer than 100 characters (free text): such a column is left out and named in the answer's `ignored_columns`. The label and order must be numbers (the order may be ISO 8601 time); the group column may hold text. */
        DatasetUploadBody: {
            exclude?: string[];
            group?: string;
            label: string;
            name: string;
            order?: string;
            rows: {
                [key: string]: number | string | null;
            }[];
        };
        DatasetView: {
            /** @description The stored columns: `text` is the group column or a categorical feature (its values are levels, not numbers). */
            columns: {
                /** @enum {string} */
                kind: "number" | "text";
                name: string;
            }[];
            created_at: string;
            dataset_id: string;
            exclude: string[];
            group: string | null;
            /** @description In the upload's answer: text columns that are no feature and were not stored — identifiers (nearly every row its own value, or more than 100 distinct values) and free text — each with the reason. */
            ignored_columns?: {
                name: string;
                reason: string;
            }[];
            label: string;
            name: string;
            order: string | null;
            rows: number;
        };
        DataSyncController_mapping_Response: {
            problems: components["schemas"]["MappingProblem"][];
        };
        DeadLetterPage: {
            items: components["schemas"]["DeadLetterView"][];
            next_cursor: string | null;
        };
        /** @description One message a consumer gave up on, as it lies in the DEAD_LETTERS stream. */
        DeadLetterView: {
            /** @description Durable consumer that gave up on it. */
            consumer: string;
            dead_lettered_at: string;
            deliveries: number;
            /** @description The DEAD_LETTERS stream sequence, as a decimal string. */
            id: string;
            reason: string;
            /** @description How many records (or keys, for a deletion) the batch held, when it is a SHOPFLOOR batch. */
            records: number | null;
            size_bytes: number;
            /** @description Stream the message came from (e.g. SHOPFLOOR). */
            stream: string;
            /** @description Subject the message was originally published on; replay publishes it there again. */
            subject: string;
            /** @description The batch's sync_id, when the payload is a JSON object carrying one. */
            sync_id: string | null;
        };
        DeliveryPage: {
            items: components["schemas"]["DeliveryView"][];
            next_cursor: string | null;
        };
        /** @enum {string} */
        DeliveryState: "pending" | "sent" | "failed";
        /** @description One e-mail or webhook call of the outbox. */
        DeliveryView: {
            alert_id: string | null;
            attempts: number;
            /** @enum {string} */
            channel: "email" | "webhook";
            created_at: string;
            id: string;
            last_error: string | null;
            /** @description Sent as Message-ID / X-Delivery-Id: the same for every attempt, for the receiver to drop repeats. */
            message_id: string;
            next_attempt_at: string | null;
            schedule_id: string | null;
            sent_at: string | null;
            state: components["schemas"]["DeliveryState"];
            /** @description The recipients, or the webhook URL without its query string (which may hold a token). */
            target: string;
        };
        /** @description `GET /api/v1/analytics/downtime-patterns` query and `analytics.downtime-patterns.get` request. */
        DowntimePatternsQuery: {
            /**
             * Format: date-time
             * @description Default: `to` minus 24 hours.
             */
            from?: string;
            /** @description One machine; omitted = all machines. */
            machine_id?: string;
            /**
             * Format: date-time
             * @description Default: now.
             */
            to?: string;
        };
        DowntimePatternsView: {
            /** @enum {string} */
            calendar: "machine" | "default" | "default_24x7" | "mixed";
            failures: number;
            /** @description 168 cells, Monday 00:00 first. */
            heatmap: components["schemas"]["HeatmapCellView"][];
            /** @description Seconds of planned time lost to any stop (overlaps once). */
            lost_time: number;
            machine_count: number;
            machine_id: string | null;
            micro_stop_threshold_seconds: number;
            mtbf: number | null;
            mttr: number | null;
            pareto: components["schemas"]["ParetoEntryView"][];
            period: {
                from: string;
                to: string;
            };
            /** @description Zone of the heat map's wall clock. */
            timezone: string;
            /** @description Machines with the most unplanned stop time, at most 10. */
            top_losers: components["schemas"]["MachineLossView"][];
        };
        DowntimeView: {
            description: string | null;
            downtime_type: string;
            duration: number;
            end_time: string;
            job_id: string | null;
            machine_id: string;
            reason_code: string | null;
            record_id: string;
            source_updated_at: string;
            start_time: string;
        };
        /** @description `GET /api/v1/analytics/efficiency` query and `analytics.efficiency.get` request. */
        EfficiencyQuery: {
            /** Format: date-time */
            from?: string;
            location?: string;
            /** @description Comma-separated machine ids. */
            machine_ids?: string;
            machine_type?: string;
            /** Format: date-time */
            to?: string;
        };
        EfficiencyView: {
            filters: {
                location: string | null;
                machine_ids: string[] | null;
                machine_type: string | null;
            };
            machine_count: number;
            machines: components["schemas"]["MachineEfficiencyView"][];
            micro_stop_threshold_seconds: number;
            period: {
                from: string;
                to: string;
            };
            /** @description All selected machines together (summed time models and counts). */
            totals: components["schemas"]["OeeFiguresView"];
        };
        EntityCounts: {
            downtime_records: number;
            jobs: number;
            machine_events: number;
            machine_readings: number;
            machines: number;
        };
        /** @description The one error body of every 4xx and 5xx answer; X-Request-Id carries request_id. */
        ErrorBody: {
            details: {
                [key: string]: unknown;
            } | null;
            /** @description A stable code, e.g. VALIDATION_FAILED, MACHINE_NOT_FOUND, RATE_LIMITED. */
            error_code: string;
            /** @description On VALIDATION_FAILED: each offending field with what is wrong and (a bounded copy of) the value sent. */
            field_errors?: {
                field: string;
                invalid_value: unknown;
                message: string;
            }[];
            message: string;
            request_id: string;
            /** Format: date-time */
            timestamp: string;
        };
        /** @description A second round of notification when an alert is not acknowledged in time. */
        EscalationBody: {
            after_minutes: number;
            channels: components["schemas"]["ChannelBody"][];
        };
        /** @description `POST /api/v1/ml/evaluate` body. */
        EvaluateRequest: {
            /** @enum {string} */
            at?: "all" | "last";
            /** Format: uuid */
            dataset_id: string;
            /** Format: uuid */
            model_id: string;
        };
        EvaluationView: {
            /** @enum {string} */
            at: "all" | "last";
            dataset_id: string;
            /** @description A classifier: precision, recall, f1 at the model's threshold, pr_auc, roc_auc, confusion. A remaining life: rmse, mae and nasa_score (PHM08) against the true remaining life in the label, as published figures are, and `capped`, the same against the label capped at `label_cap` as the model learnt it (null without a cap). */
            metrics: {
                [key: string]: unknown;
            };
            model_id: string;
            rows_scored: number;
        };
        HeatmapCellView: {
            count: number;
            duration: number;
            hour: number;
            /** @enum {string} */
            weekday: "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
        };
        HistoryPage_DowntimeView_: {
            from: string | null;
            items: components["schemas"]["DowntimeView"][];
            machine_id: string;
            to: string | null;
        };
        HistoryPage_JobView_: {
            from: string | null;
            items: components["schemas"]["JobView"][];
            machine_id: string;
            to: string | null;
        };
        /** @description `GET /api/v1/data/integrity`: problems in the synced data that validation of single rows cannot see. */
        IntegrityReport: {
            counts: {
                [key: string]: number;
            };
            event_gaps: {
                from: string;
                gap_seconds: number;
                machine_id: string;
                to: string;
            }[];
            generated_at: string;
            orphan_downtime_records: {
                job_id: string | null;
                machine_id: string;
                /** @enum {string} */
                missing: "machine" | "job";
                record_id: string;
            }[];
            orphan_jobs: {
                job_id: string;
                machine_id: string;
            }[];
            overlapping_jobs: {
                job_id: string;
                machine_id: string;
                other_job_id: string;
                overlap_seconds: number;
            }[];
            /** @description Per entity, the read model's rows against the CIMCO source's (added by the gateway); null when the source could not be counted. */
            source_comparison?: components["schemas"]["SourceComparison"] | null;
            /** @description Why the source could not be counted, or null. */
            source_comparison_error?: string | null;
        };
        JobView: {
            cycle_time: number | null;
            end_time: string | null;
            ideal_cycle_time: number | null;
            job_id: string;
            machine_id: string;
            operator_id: string | null;
            part_number: string | null;
            parts_produced: number | null;
            parts_scrapped: number | null;
            setup_time: number | null;
            source_updated_at: string;
            start_time: string;
            state: string;
        };
        /** @description `GET /api/v1/alerts` query and `notification.alerts.list`: newest first. */
        ListAlertsQuery: {
            /** @description Opaque cursor from the previous page's `next_cursor`. */
            cursor?: string;
            /**
             * Format: date-time
             * @description Alerts opened at or after this time (ISO 8601 with offset).
             */
            from?: string;
            limit?: number;
            machine_id?: string;
            severity?: components["schemas"]["AlertSeverity"];
            state?: components["schemas"]["AlertState"];
            /**
             * Format: date-time
             * @description Alerts opened before this time.
             */
            to?: string;
        };
        /** @description `GET /api/v1/data/dead-letters?limit&cursor&consumer` and `ingestion.dead-letters.list`. */
        ListDeadLettersRequest: {
            /** @description Only the dead letters of this durable consumer (e.g. `analytics-shopfloor`). */
            consumer?: string;
            /** @description Opaque cursor from the previous page's `next_cursor`. */
            cursor?: string;
            /** @description Default 50. */
            limit?: number;
        };
        /** @description `GET /api/v1/notifications/deliveries` query and `notification.deliveries.list`: newest first. */
        ListDeliveriesQuery: {
            cursor?: string;
            limit?: number;
            state?: components["schemas"]["DeliveryState"];
        };
        ListMachinesReply: {
            items: components["schemas"]["MachineView"][];
            total: number;
        };
        ListMachinesRequest: {
            limit?: number;
            location?: string;
            type?: string;
        };
        /** @description `GET /api/v1/ml/predictions` query and `ml.predictions.list`: stored predictions, newest first. */
        ListPredictionsQuery: {
            /** @description Opaque cursor from the previous page's `next_cursor`. */
            cursor?: string;
            /**
             * Format: date-time
             * @description Predictions made at or after this time (ISO 8601 with offset).
             */
            from?: string;
            limit?: number;
            machine_id?: string;
            /**
             * Format: date-time
             * @description Predictions made before this time.
             */
            to?: string;
            type?: components["schemas"]["ModelType"];
        };
        /** @description `GET /api/v1/data/quarantine?limit&cursor` and `ingestion.quarantine.list`. */
        ListQuarantineRequest: {
            /** @description Opaque cursor from the previous page's `next_cursor`. */
            cursor?: string;
            limit?: number;
        };
        /** @description `GET /api/v1/ml/train?state&model_type&limit` and `ml.train.list`: trainings newest first. */
        ListTrainingsQuery: {
            limit?: number;
            model_type?: components["schemas"]["ModelType"];
            /** @enum {string} */
            state?: "queued" | "running" | "succeeded" | "failed";
        };
        LiveStatusList: {
            items: components["schemas"]["MachineLiveStatus"][];
            /** @description Seconds without data after which a machine is shown UNAVAILABLE. */
            silence_seconds: number;
        };
        MachineEfficiencyView: {
            availability: number | null;
            benchmark_comparison: number | null;
            /** @enum {string} */
            calendar: "machine" | "default" | "default_24x7";
            counts: {
                good: number;
                scrap: number;
                total: number;
            };
            /** @description ISO 22400-2 KPIs from the same data. */
            kpis: {
                failures: number;
                mtbf: number | null;
                mttr: number | null;
                nee: number | null;
                scrap_ratio: number | null;
                setup_rate: number | null;
                technical_efficiency: number | null;
            };
            location: string | null;
            losses: {
                planned_stops: number;
                production_rejects: number;
                slow_cycles: number;
                small_stops: number;
                unplanned_stops: number;
            };
            machine_id: string;
            name: string;
            overall_oee: number | null;
            performance: number | null;
            quality: number | null;
            time_model: components["schemas"]["OeeTimeModel"];
            type: string;
        };
        /** @description `GET /api/v1/machines/{machine_id}/jobs?from&to` and `.../downtime?from&to` (query part). */
        MachineHistoryQuery: {
            /**
             * Format: date-time
             * @description Inclusive lower bound (ISO 8601 with offset); records overlapping [from, to) are returned.
             */
            from?: string;
            limit?: number;
            /** Format: date-time */
            to?: string;
        };
        /** @description A machine's current status, as `GET /api/v1/analytics/live` lists it and `live.machine.<id>` carries it. */
        MachineLiveStatus: {
            current_job_id: string | null;
            /** @description Time of the latest data of any kind (event or sensor reading): what the silence is measured from. */
            last_data_at: string | null;
            /** @description Seconds since the latest event, when this status was read or sent. */
            last_event_age_seconds: number | null;
            /** @description Time of the latest event received. */
            last_event_at: string | null;
            machine_id: string;
            part_count: number | null;
            reason_code: string | null;
            /** @description When the current state began (ISO 8601). */
            since: string | null;
            /** @description The state of the machine's latest event (as the source names it), or UNAVAILABLE after a silence. */
            state: string;
            updated_at: string;
        };
        MachineLossView: {
            availability: number | null;
            failures: number;
            machine_id: string;
            mtbf: number | null;
            mttr: number | null;
            planned_stop_time: number;
            small_stop_time: number;
            unplanned_stop_time: number;
        };
        /** @description `GET /api/v1/machines/{machine_id}/readings?from&to&metric&buckets` (query part): a period of at most 31 days. */
        MachineReadingsQuery: {
            /** @description Equal time buckets the period is cut into (default 200). */
            buckets?: number;
            /** Format: date-time */
            from: string;
            /** @description One metric (sensor) only; all of the machine's otherwise. */
            metric?: string;
            /** Format: date-time */
            to: string;
        };
        /** @description A machine's current risk: the latest of each kind of prediction, with the model version and top factors; a kind is null while no active model of it has scored the machine yet. */
        MachineRiskView: {
            /** @description The same within 7 days. */
            downtime_7d: components["schemas"]["RiskEntry"] | null;
            /** @description P(an unplanned stop of the downtime model's length starts within 24 hours). */
            downtime_24h: components["schemas"]["RiskEntry"] | null;
            /** @description P(a breakdown within the entry's horizon). */
            failure_risk: components["schemas"]["RiskEntry"] | null;
            /** @description The most recent anomalous hour within the last 24 hours, or null. */
            latest_anomaly: components["schemas"]["AnomalyRiskEntry"] | null;
            machine_id: string;
            maintenance_window: components["schemas"]["MaintenanceRiskEntry"] | null;
            /** @description The newest of the entries' prediction times, or null when there is none. */
            scored_at: string | null;
        };
        MachinesController_downtime_Response: components["schemas"]["HistoryPage_DowntimeView_"];
        MachinesController_jobs_Response: components["schemas"]["HistoryPage_JobView_"];
        MachineShiftOeeView: {
            availability: number | null;
            benchmark_comparison: number | null;
            /** @enum {string} */
            calendar: "machine" | "default" | "default_24x7";
            counts: {
                good: number;
                scrap: number;
                total: number;
            };
            /** @description ISO 22400-2 KPIs from the same data. */
            kpis: {
                failures: number;
                mtbf: number | null;
                mttr: number | null;
                nee: number | null;
                scrap_ratio: number | null;
                setup_rate: number | null;
                technical_efficiency: number | null;
            };
            losses: {
                planned_stops: number;
                production_rejects: number;
                slow_cycles: number;
                small_stops: number;
                unplanned_stops: number;
            };
            machine_id: string;
            overall_oee: number | null;
            performance: number | null;
            /** @description [from, to) the figures cover: the shift (or day) up to now. */
            period: {
                from: string;
                to: string;
            };
            quality: number | null;
            /** @description Null without a shift calendar (planned 24/7): the figures are then of the current day in UTC. */
            shift: components["schemas"]["ShiftPeriodView"] | null;
            time_model: components["schemas"]["OeeTimeModel"];
        };
        /** @description `GET /api/v1/machines/{machine_id}/states?from&to` (query part): a period of at most 31 days. */
        MachineStatesQuery: {
            /**
             * Format: date-time
             * @description ISO 8601 with offset; the state in effect at `from` is included, clipped to it.
             */
            from: string;
            /** Format: date-time */
            to: string;
        };
        /** @description A machine as the API returns it. */
        MachineView: {
            installation_date: string | null;
            location: string | null;
            machine_id: string;
            name: string;
            source_updated_at: string;
            specifications: {
                [key: string]: unknown;
            } | null;
            synced_at: string;
            type: string;
        };
        MaintenanceRiskEntry: {
            /** @description Whether the value is at or over the threshold; null without a threshold. */
            above_threshold: boolean | null;
            /** @description The inputs that moved this prediction most, largest first. */
            factors: components["schemas"]["PredictionFactor"][];
            horizon_hours: number | null;
            model_id: string;
            model_version: number;
            predicted_at: string;
            /** @description When the machine is predicted to break down, and the calmest 4 hours to maintain it before then. */
            predicted_failure_at: string | null;
            /** @description Probability (downtime, failure_risk), hours to the next breakdown (maintenance_window), or an anomaly score. */
            predicted_value: number;
            prediction_id: string;
            recommended_window: {
                end: string;
                start: string;
            } | null;
            /** @description The model's decision threshold (a probability or an anomaly score), null where a model has none. */
            threshold: number | null;
        };
        /** @description A remaining-life prediction (hours to the next breakdown) and when to maintain before it. */
        MaintenanceWindowResult: {
            confidence_score: number;
            exceeds_threshold?: boolean;
            factors: components["schemas"]["PredictionFactor"][];
            /** @description Downtime: the horizon asked for, what the model predicts — an unplanned stop longer than `stop_minutes`, of `stop_types` (empty: any unplanned type) — and whether predicted_value reaches the request's confidence_threshold. */
            horizon_hours?: number;
            machine_id: string | null;
            model_id: string;
            model_version: number;
            predicted_failure_at: string;
            predicted_value: number;
            prediction_id: string;
            prediction_timestamp: string;
            prediction_type: components["schemas"]["ModelType"];
            recommended_window: {
                end: string;
                expected_load: number;
                start: string;
            };
            /** @description predicted_value is in hours, at most `remaining_life_cap_hours`. */
            remaining_life_cap_hours: number;
            stop_minutes?: number;
            stop_types?: string[];
            /** @description The decision threshold of the model: predicted_value at or above it counts as "will fail". */
            threshold: number | null;
        };
        MappingProblem: {
            column: string | null;
            entity: components["schemas"]["ShopfloorEntity"];
            problem: string;
            table: string;
        };
        MlController_listDatasets_Response: {
            items: components["schemas"]["DatasetView"][];
        };
        MlController_models_Response: {
            items: components["schemas"]["ModelView"][];
        };
        MlController_train_Response: {
            /** @constant */
            state: "queued";
            training_id: string;
        };
        MlController_trainings_Response: {
            items: components["schemas"]["TrainingView"][];
        };
        ModelAccuracyView: {
            /** @description Classifiers: mean squared error of the probability (lower is better), and counts at the model's threshold. */
            brier_score: number | null;
            metrics: {
                [key: string]: unknown;
            } | null;
            model_id: string;
            model_type: components["schemas"]["ModelType"];
            pending: number;
            predictions: number;
            version: number;
            /** @description Predictions whose outcome is known (the horizon has passed and the data has arrived). */
            with_actual: number;
        };
        ModelListQuery: {
            model_type?: components["schemas"]["ModelType"];
        };
        /** @description The promotion gate's decision on a newly trained version: active at once only when it beat the active version on the same held-out rows (or its type had none); otherwise it waits for an admin to activate it. */
        ModelPromotion: {
            /** @description Both versions scored on the same held-out rows (lower is better), when a fair comparison could be made. */
            comparison: {
                challenger: number;
                incumbent: number;
                incumbent_model_id: string;
                incumbent_version: number;
                /**
                 * @description The incumbent's stored model as is (it never learnt these rows), or its settings refit on the challenger's training part.
                 * @enum {string}
                 */
                method: "stored" | "refit";
                /** @enum {string} */
                metric: "log_loss" | "rmse";
                rows: number;
            } | null;
            /** @enum {string} */
            decision: "promoted" | "held";
            reason: string;
        };
        /** @enum {string} */
        ModelType: "downtime" | "maintenance_window" | "failure_risk" | "anomaly";
        ModelView: {
            activated_at: string | null;
            active: boolean;
            created_at: string;
            dataset_id: string | null;
            features: string[];
            hyperparameters: {
                [key: string]: unknown;
            };
            metrics: {
                [key: string]: unknown;
            };
            model_id: string;
            model_type: components["schemas"]["ModelType"];
            /** @description Why this version became active on registration, or why it waits for an admin (null for versions from before the gate). */
            promotion: components["schemas"]["ModelPromotion"] | null;
            size_bytes: number;
            training_data: {
                from: string | null;
                rows: number;
                to: string | null;
            };
            training_id: string;
            version: number;
        };
        OeeBucketView: {
            availability: number | null;
            benchmark_comparison: number | null;
            counts: {
                good: number;
                scrap: number;
                total: number;
            };
            /** @description ISO 22400-2 KPIs from the same data. */
            kpis: {
                failures: number;
                mtbf: number | null;
                mttr: number | null;
                nee: number | null;
                scrap_ratio: number | null;
                setup_rate: number | null;
                technical_efficiency: number | null;
            };
            label: string;
            losses: {
                planned_stops: number;
                production_rejects: number;
                slow_cycles: number;
                small_stops: number;
                unplanned_stops: number;
            };
            overall_oee: number | null;
            performance: number | null;
            period: {
                from: string;
                to: string;
            };
            quality: number | null;
            time_model: components["schemas"]["OeeTimeModel"];
        };
        /** @description The numbers of one period (API.md "OEE conventions"); times in seconds, ratios null for a zero denominator. */
        OeeFiguresView: {
            availability: number | null;
            benchmark_comparison: number | null;
            counts: {
                good: number;
                scrap: number;
                total: number;
            };
            /** @description ISO 22400-2 KPIs from the same data. */
            kpis: {
                failures: number;
                mtbf: number | null;
                mttr: number | null;
                nee: number | null;
                scrap_ratio: number | null;
                setup_rate: number | null;
                technical_efficiency: number | null;
            };
            losses: {
                planned_stops: number;
                production_rejects: number;
                slow_cycles: number;
                small_stops: number;
                unplanned_stops: number;
            };
            overall_oee: number | null;
            performance: number | null;
            quality: number | null;
            time_model: components["schemas"]["OeeTimeModel"];
        };
        /** @enum {string} */
        OeeGranularity: "none" | "hour" | "shift" | "day" | "week";
        /** @description `GET /api/v1/analytics/oee` → OEEMetrics. */
        OeeMetricsView: {
            availability: number | null;
            benchmark_comparison: number | null;
            /**
             * @description Which calendar applied: 'machine', 'default', 'default_24x7' (none: planned 24/7) or 'mixed' across machines.
             * @enum {string}
             */
            calendar: "machine" | "default" | "default_24x7" | "mixed";
            counts: {
                good: number;
                scrap: number;
                total: number;
            };
            granularity: components["schemas"]["OeeGranularity"];
            /** @description ISO 22400-2 KPIs from the same data. */
            kpis: {
                failures: number;
                mtbf: number | null;
                mttr: number | null;
                nee: number | null;
                scrap_ratio: number | null;
                setup_rate: number | null;
                technical_efficiency: number | null;
            };
            losses: {
                planned_stops: number;
                production_rejects: number;
                slow_cycles: number;
                small_stops: number;
                unplanned_stops: number;
            };
            machine_count: number;
            /** @description null when all machines are aggregated. */
            machine_id: string | null;
            micro_stop_threshold_seconds: number;
            overall_oee: number | null;
            performance: number | null;
            period: {
                from: string;
                to: string;
            };
            quality: number | null;
            series: components["schemas"]["OeeBucketView"][];
            time_model: components["schemas"]["OeeTimeModel"];
            /** @description Zone of the buckets' wall clock. */
            timezone: string;
        };
        /** @description `GET /api/v1/analytics/oee` query and `analytics.oee.get` request. */
        OeeQuery: {
            /**
             * Format: date-time
             * @description Start of the period (inclusive), ISO 8601 with offset; default `to` minus 24 hours.
             */
            from?: string;
            granularity?: components["schemas"]["OeeGranularity"];
            /** @description One machine; omitted = all machines, aggregated by summing their time models and counts. */
            machine_id?: string;
            /**
             * Format: date-time
             * @description End of the period (exclusive); default now.
             */
            to?: string;
        };
        OeeTimeModel: {
            planned_production_time: number;
            planned_stop_time: number;
            run_time: number;
            small_stop_time: number;
            unplanned_stop_time: number;
        };
        /** @description `POST /api/v1/ml/optimize-schedule` body. */
        OptimizeScheduleRequest: {
            /** Format: date-time */
            horizon_start: string;
            jobs: components["schemas"]["ScheduleJobInput"][];
            /** @description Failure hazard per hour of work on each machine (0..1). Omitted machines take their latest stored failure-risk or downtime prediction, else 0. */
            machine_risk?: {
                [key: string]: unknown;
            };
        };
        ParetoEntryView: {
            /** @enum {string} */
            category: "planned_stop" | "unplanned_stop" | "small_stop";
            count: number;
            cumulative_share: number | null;
            /** @description Seconds lost inside planned production time. */
            duration: number;
            reason_code: string;
            share: number | null;
        };
        /** @description `POST /api/v1/ml/predict/anomalies` body: a machine's hours in [from, to) (at most 31 days). */
        PredictAnomaliesRequest: {
            /** Format: date-time */
            from: string;
            machine_id: string;
            /** Format: date-time */
            to: string;
        };
        /** @description `POST /api/v1/ml/predict/downtime` body. */
        PredictDowntimeRequest: {
            /** @description A probability at or above it counts as predicted downtime (`exceeds_threshold`); default 0.8. */
            confidence_threshold?: number;
            horizon_hours: number;
            machine_id: string;
        };
        /** @description `POST /api/v1/ml/predict/failure-risk`: a machine (from what the ml service knows of it) or readings given directly. */
        PredictFailureRiskRequest: {
            machine_id?: string;
            /** @description Input values by the names the active model was trained on: numbers, or text for a categorical input, e.g. { "Type": "L", "Torque [Nm]": 52.1 }. */
            readings?: {
                [key: string]: unknown;
            };
        };
        PredictionFactor: {
            /** @description Contribution to the prediction's log-odds (SHAP value): positive raises the risk, negative lowers it. */
            contribution: number;
            feature: string;
            value: number | null;
        };
        PredictionPage: {
            items: components["schemas"]["PredictionRecordView"][];
            next_cursor: string | null;
        };
        /** @description A stored prediction with its outcome once known (the horizon has passed and the data has arrived). */
        PredictionRecordView: {
            actual_at: string | null;
            /** @description What happened: 1/0 for a stop within the horizon, hours for a remaining life; null until known. */
            actual_value: number | null;
            confidence_score: number | null;
            /** @description When the outcome is due (end of the horizon); null when it never will be known (readings given directly). */
            due_at: string | null;
            factors: components["schemas"]["PredictionFactor"][];
            horizon_hours: number | null;
            machine_id: string | null;
            model_id: string;
            model_version: number;
            predicted_value: number;
            prediction_id: string;
            prediction_timestamp: string;
            prediction_type: components["schemas"]["ModelType"];
        };
        PredictionResult: {
            confidence_score: number;
            exceeds_threshold?: boolean;
            factors: components["schemas"]["PredictionFactor"][];
            /** @description Downtime: the horizon asked for, what the model predicts — an unplanned stop longer than `stop_minutes`, of `stop_types` (empty: any unplanned type) — and whether predicted_value reaches the request's confidence_threshold. */
            horizon_hours?: number;
            machine_id: string | null;
            model_id: string;
            model_version: number;
            predicted_value: number;
            prediction_id: string;
            prediction_timestamp: string;
            prediction_type: components["schemas"]["ModelType"];
            stop_minutes?: number;
            stop_types?: string[];
            /** @description The decision threshold of the model: predicted_value at or above it counts as "will fail". */
            threshold: number | null;
        };
        /** @description `POST /api/v1/ml/predict/maintenance-window` body. */
        PredictMaintenanceRequest: {
            machine_id: string;
        };
        QuarantinedRowView: {
            first_seen_at: string;
            id: string;
            last_seen_at: string;
            primary_key: string;
            raw: {
                [key: string]: unknown;
            };
            reasons: string[];
            /** @description Who refused the row: `ingestion` (the source row failed its checks) or the consumer that could not apply it. */
            rejected_by: string;
            table: string;
        };
        QuarantinePage: {
            items: components["schemas"]["QuarantinedRowView"][];
            next_cursor: string | null;
        };
        /** @description Hours in which e-mails and webhooks of non-critical alerts wait until the quiet ends (alerts still open). */
        QuietHours: {
            /** @description Days the quiet starts on; default every day. */
            days?: components["schemas"]["WeekdayName"][];
            end: string;
            /** @description Critical alerts go out during the quiet hours too (default true). */
            except_critical?: boolean;
            /** @description 'HH:MM'; at or after `end` means the quiet crosses midnight. */
            start: string;
            /** @description IANA time zone the hours are wall-clock times in. */
            timezone: string;
        };
        /** @description One bucket of one metric: the readings in [start, start + bucket_seconds). */
        ReadingBucketView: {
            count: number;
            max: number;
            mean: number;
            min: number;
            start: string;
        };
        ReadingSeriesView: {
            metric: string;
            /** @description Buckets with at least one reading, oldest first. */
            points: components["schemas"]["ReadingBucketView"][];
            unit: string | null;
        };
        ReadingsView: {
            bucket_seconds: number;
            from: string;
            machine_id: string;
            series: components["schemas"]["ReadingSeriesView"][];
            to: string;
        };
        ReplayDeadLettersReply: {
            /** @description Their ids. */
            ids: string[];
            /** @description Requested ids that are not (or no longer) in DEAD_LETTERS, or whose original subject no stream captures. */
            not_found: string[];
            /** @description How many dead letters were published again and removed from DEAD_LETTERS. */
            replayed: number;
        };
        /** @description `POST /api/v1/data/dead-letters/replay` body and `ingestion.dead-letters.replay` request. */
        ReplayDeadLettersRequest: {
            /** @description Every dead letter (oldest first, a bounded number per request). */
            all?: boolean;
            /** @description Every dead letter of this durable consumer (oldest first, a bounded number per request). */
            consumer?: string;
            /** @description Dead letters to replay, by id (DEAD_LETTERS sequence). */
            ids?: string[];
        };
        /** @enum {string} */
        ReportFileFormat: "json" | "csv" | "xlsx" | "pdf";
        /** @enum {string} */
        ReportGroup: "machine" | "hour" | "shift" | "day" | "week";
        /** @enum {string} */
        ReportMetric: "availability" | "performance" | "quality" | "overall_oee" | "benchmark_comparison" | "planned_production_time" | "run_time" | "planned_stop_time" | "unplanned_stop_time" | "small_stop_time" | "total" | "good" | "scrap" | "failures" | "mtbf" | "mttr" | "technical_efficiency" | "setup_rate" | "scrap_ratio" | "nee";
        /** @enum {string} */
        ReportRunState: "running" | "sent" | "failed";
        ReportRunView: {
            /** @description The e-mail that carried the file (see GET /api/v1/notifications/deliveries). */
            delivery_id: string | null;
            error: string | null;
            file_name: string | null;
            finished_at: string | null;
            id: string;
            schedule_id: string;
            /** @description The time it was due (its cron time). */
            scheduled_for: string;
            started_at: string;
            state: components["schemas"]["ReportRunState"];
        };
        /** @description `POST /api/v1/reports/schedules` body. */
        ReportScheduleBody: {
            /** @description Five-field cron (minute hour day-of-month month day-of-week), in wall-clock time of `timezone`. */
            cron: string;
            /** @description Default true. */
            enabled?: boolean;
            format: components["schemas"]["ReportFileFormat"];
            name: string;
            recipients: string[];
            report: components["schemas"]["ScheduledReportBody"];
            /** @description IANA time zone; a 06:05 schedule runs at 06:05 on both sides of a clock change. */
            timezone: string;
        };
        ReportSchedulesController_list_Response: {
            items: components["schemas"]["ReportScheduleView"][];
        };
        ReportSchedulesController_runs_Response: {
            items: components["schemas"]["ReportRunView"][];
        };
        ReportScheduleView: {
            created_at: string;
            cron: string;
            enabled: boolean;
            format: components["schemas"]["ReportFileFormat"];
            id: string;
            name: string;
            /** @description The next time it runs (ISO 8601 with the zone's offset). */
            next_run_at: string | null;
            recipients: string[];
            report: {
                group_by: components["schemas"]["ReportGroup"] | null;
                /** @enum {string} */
                kind: "daily" | "custom";
                machine_ids: string[] | null;
                metrics: components["schemas"]["ReportMetric"][] | null;
                period: components["schemas"]["SchedulePeriod"] | null;
                title: string | null;
            };
            timezone: string;
        };
        /** @description The latest prediction of one kind for a machine, scheduled or asked for. */
        RiskEntry: {
            /** @description Whether the value is at or over the threshold; null without a threshold. */
            above_threshold: boolean | null;
            /** @description The inputs that moved this prediction most, largest first. */
            factors: components["schemas"]["PredictionFactor"][];
            horizon_hours: number | null;
            model_id: string;
            model_version: number;
            predicted_at: string;
            /** @description Probability (downtime, failure_risk), hours to the next breakdown (maintenance_window), or an anomaly score. */
            predicted_value: number;
            prediction_id: string;
            /** @description The model's decision threshold (a probability or an anomaly score), null where a model has none. */
            threshold: number | null;
        };
        /** @description `POST /api/v1/alerts/rules` and `PUT /api/v1/alerts/rules/{id}` body. */
        RuleBody: {
            channels: components["schemas"]["ChannelBody"][];
            condition: components["schemas"]["AlertCondition"];
            /** @description After an alert of this rule on a machine resolves, no new one opens for it for this long. Default 30. */
            cooldown_minutes?: number;
            /** @description Default true. */
            enabled?: boolean;
            escalation?: components["schemas"]["EscalationBody"];
            name: string;
            /** @description The condition's parameters: machine_down_longer_than `minutes` (0..10080) and optional `downtime_types` (reason codes); data_gap_longer_than `minutes`; oee_below `threshold` 0..1 and `window_minutes` (15..10080, default 60); scrap_rate_above `threshold` 0..1 and `window_minutes` (default 60); failure_risk_above `threshold` 0..1 and optional `prediction_types` (failure_risk, downtime); maintenance_due_within `hours` (1..8760); anomaly_detected optional `min_score` 0..1 and `window_minutes` (default 120). */
            params: {
                [key: string]: unknown;
            };
            quiet_hours?: components["schemas"]["QuietHours"];
            scope?: components["schemas"]["RuleScope"];
            severity: components["schemas"]["AlertSeverity"];
        };
        /** @description Which machines a rule watches; every list left out or empty means all. */
        RuleScope: {
            locations?: string[];
            machine_ids?: string[];
            machine_types?: string[];
        };
        RuleView: {
            channels: components["schemas"]["ChannelView"][];
            condition: components["schemas"]["AlertCondition"];
            cooldown_minutes: number;
            created_at: string;
            enabled: boolean;
            escalation: {
                after_minutes: number;
                channels: components["schemas"]["ChannelView"][];
            } | null;
            id: string;
            /** @description One of the rules a new installation starts with (breakdown, data gap); editable and deletable like any. */
            is_default: boolean;
            name: string;
            params: {
                [key: string]: unknown;
            };
            quiet_hours: {
                days: components["schemas"]["WeekdayName"][];
                end: string;
                except_critical: boolean;
                start: string;
                timezone: string;
            } | null;
            scope: {
                locations: string[];
                machine_ids: string[];
                machine_types: string[];
            };
            severity: components["schemas"]["AlertSeverity"];
            updated_at: string;
        };
        /** @description The report a schedule sends: the daily report (of the day before the run), or a custom report over a period. */
        ScheduledReportBody: {
            group_by?: components["schemas"]["ReportGroup"];
            /** @enum {string} */
            kind: "daily" | "custom";
            machine_ids?: string[];
            /** @description Custom only: as in POST /api/v1/reports/custom. */
            metrics?: components["schemas"]["ReportMetric"][];
            /** @description Custom only; default previous_day. */
            period?: components["schemas"]["SchedulePeriod"];
            title?: string;
        };
        ScheduleJobInput: {
            /** Format: date-time */
            due: string;
            /** @description Seconds of machine time. */
            duration: number;
            eligible_machines: string[];
            job_id: string;
            part_number?: string | null;
        };
        /** @enum {string} */
        SchedulePeriod: "previous_day" | "previous_week" | "previous_month" | "last_24_hours";
        /** @description `GET /api/v1/reports/schedules/{id}/runs` query. */
        ScheduleRunsQuery: {
            limit?: number;
        };
        ScheduleView: {
            assignments: {
                end: string;
                job_id: string;
                machine_id: string;
                start: string;
            }[];
            /** @description The same objective for jobs placed by earliest due date on the first free eligible machine, for comparison. */
            baseline_objective: number;
            machine_risk: {
                [key: string]: number;
            };
            /** @description Seconds from horizon_start to the last job's end. */
            makespan: number;
            objective: number;
            /** @description Expected seconds lost to failures while the jobs run (hours of work × hazard × cost of a failure). */
            risk_cost: number;
            /** @description Total seconds of lateness over all jobs. */
            tardiness: number;
        };
        /** @description The shift a machine's figures are of: the one in progress, else the last one that ended (within a day). */
        ShiftPeriodView: {
            end: string;
            in_progress: boolean;
            name: string;
            /** @description The shift's start and end (ISO 8601), whole, as its calendar defines it. */
            start: string;
        };
        /** @enum {string} */
        ShopfloorEntity: "machines" | "jobs" | "downtime_records" | "machine_events" | "machine_readings";
        SourceComparison: {
            downtime_records: components["schemas"]["SourceComparisonEntry"];
            jobs: components["schemas"]["SourceComparisonEntry"];
            machine_events: components["schemas"]["SourceComparisonEntry"];
            machine_readings: components["schemas"]["SourceComparisonEntry"];
            machines: components["schemas"]["SourceComparisonEntry"];
        };
        /** @description One entity of the read model held against the source (`IntegrityReport.source_comparison`). */
        SourceComparisonEntry: {
            /** @description read_model − (source − quarantined_by_ingestion − rejected_by_consumers − not_yet_synced); 0 when in step. */
            difference: number;
            /** @description A plain sentence naming the difference, or "in step". */
            explanation: string;
            not_yet_synced: number;
            quarantined_by_ingestion: number;
            read_model: number;
            /** @description Rows the analytics consumer rejected (they are in the quarantine, not in the read model). */
            rejected_by_consumers: number;
            source: number;
        };
        StartSyncReply: {
            /** @enum {string} */
            state: "queued" | "running";
            sync_id: string;
        };
        /** @description `POST /api/v1/data/sync` body and `ingestion.sync.start` request. */
        StartSyncRequest: {
            mode?: components["schemas"]["SyncMode"];
        };
        /** @description One stretch of a machine's recorded state: from one state event to the next (or the end of the period). */
        StateIntervalView: {
            /** @description Seconds. */
            duration: number;
            end: string;
            job_id: string | null;
            reason_code: string | null;
            start: string;
            state: string;
        };
        StateTimelineView: {
            from: string;
            items: components["schemas"]["StateIntervalView"][];
            /** @description Up to where the timeline is known: `to`, or now when the period reaches into the future. */
            known_until: string;
            machine_id: string;
            to: string;
            /** @description More state events than one answer holds: the items end early (at `known_until`). */
            truncated: boolean;
        };
        /** @enum {string} */
        SyncMode: "incremental" | "full";
        SyncRunView: {
            /** @description True only for a succeeded run of which every row reached every consumer: nothing quarantined, nothing dead-lettered. */
            clean: boolean;
            /** @description Records published per entity in this run. */
            counts: components["schemas"]["EntityCounts"];
            /** @description Rows removed from the read model because they are gone from the source (full sync only). */
            deleted: components["schemas"]["EntityCounts"];
            /** @description Per consumer of SHOPFLOOR: records of this run it could not apply (they are in the quarantine with the consumer named), and the batches and records it holds as dead letters (not applied until replayed). */
            downstream: {
                [key: string]: {
                    dead_lettered_batches: number;
                    dead_lettered_records: number;
                    rejected: number;
                };
            };
            /** @description A plain sentence on why the run failed, or null. */
            error: string | null;
            /** @description SOURCE_UNAVAILABLE, BUS_UNAVAILABLE, STATE_STORE_FAILED, SYNC_INTERRUPTED or SYNC_FAILED; null unless the run failed. */
            error_code: string | null;
            finished_at: string | null;
            mode: components["schemas"]["SyncMode"];
            /** @description 0..1 */
            progress: number;
            /** @description Rows quarantined by ingestion's checks in this run. */
            rejected: number;
            started_at: string;
            /** @enum {string} */
            state: "succeeded" | "failed" | "running";
            sync_id: string;
        };
        /** @description `GET /api/v1/data/sync-status` (API.md "Data sync"). */
        SyncStatusView: {
            /** @description SHOPFLOOR batches and records each consumer holds as dead letters now (GET /api/v1/data/dead-letters; replay after a fix); null if they could not be read. */
            dead_letters: {
                [key: string]: {
                    batches: number;
                    records: number;
                };
            } | null;
            last_run: components["schemas"]["SyncRunView"] | null;
            last_sync_at: string | null;
            source: {
                /** @enum {string} */
                circuit: "closed" | "open" | "half_open";
                /** @description Problems of the mapping against the source's information_schema; a sync refuses to run while any exist. */
                mapping_problems: components["schemas"]["MappingProblem"][];
                reachable: boolean;
            };
            /** @enum {string} */
            state: "idle" | "running" | "degraded";
        };
        TokenView: {
            access_token: string;
            /** @description Seconds until the token expires. */
            expires_in: number;
            /** @constant */
            token_type: "Bearer";
        };
        TrainingView: {
            created_at: string;
            dataset_id: string | null;
            error: string | null;
            finished_at: string | null;
            metrics: {
                [key: string]: unknown;
            } | null;
            model_id: string | null;
            model_type: components["schemas"]["ModelType"];
            progress: number;
            started_at: string | null;
            /** @enum {string} */
            state: "queued" | "running" | "succeeded" | "failed";
            training_id: string;
        };
        /** @description `POST /api/v1/ml/train` body and `ml.train.start` request. */
        TrainRequest: {
            /** Format: uuid */
            dataset_id?: string;
            model_type: components["schemas"]["ModelType"];
            params?: {
                [key: string]: unknown;
            };
        };
        /** @enum {string} */
        WebhookFormat: "json" | "slack" | "teams";
        /** @enum {string} */
        WeekdayName: "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AlertsController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
                /** @description Alerts opened at or after this time (ISO 8601 with offset). */
                from?: string;
                limit?: number;
                machine_id?: string;
                severity?: "info" | "warning" | "critical";
                state?: "open" | "acknowledged" | "resolved";
                /** @description Alerts opened before this time. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertPage"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertsController_get: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertDetailView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertsController_acknowledge: {
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
                "application/json": components["schemas"]["AlertActionBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertsController_resolve: {
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
                "application/json": components["schemas"]["AlertActionBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertRulesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertRulesController_list_Response"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertRulesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleBody"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertRulesController_get: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertRulesController_update: {
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
                "application/json": components["schemas"]["RuleBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertRulesController_delete: {
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
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AnalyticsController_currentShift: {
        parameters: {
            query?: {
                location?: string;
                /** @description Comma-separated machine ids. */
                machine_ids?: string;
                machine_type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentShiftView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AnalyticsController_downtimePatterns: {
        parameters: {
            query?: {
                /** @description Default: `to` minus 24 hours. */
                from?: string;
                /** @description One machine; omitted = all machines. */
                machine_id?: string;
                /** @description Default: now. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DowntimePatternsView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AnalyticsController_efficiency: {
        parameters: {
            query?: {
                from?: string;
                location?: string;
                /** @description Comma-separated machine ids. */
                machine_ids?: string;
                machine_type?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EfficiencyView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AnalyticsController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveStatusList"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AnalyticsController_oee: {
        parameters: {
            query?: {
                /** @description Start of the period (inclusive), ISO 8601 with offset; default `to` minus 24 hours. */
                from?: string;
                granularity?: "none" | "hour" | "shift" | "day" | "week";
                /** @description One machine; omitted = all machines, aggregated by summing their time models and counts. */
                machine_id?: string;
                /** @description End of the period (exclusive); default now. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OeeMetricsView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuthController_list: {
        parameters: {
            query?: {
                include_revoked?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthController_list_Response"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuthController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuthController_revoke: {
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
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuthController_token: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CalendarsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                calendar_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CalendarsController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                calendar_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CalendarBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CalendarsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                calendar_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DataSyncController_deadLetters: {
        parameters: {
            query?: {
                /** @description Only the dead letters of this durable consumer (e.g. `analytics-shopfloor`). */
                consumer?: string;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
                /** @description Default 50. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterPage"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DataSyncController_replayDeadLetters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplayDeadLettersRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayDeadLettersReply"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    IntegrityController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrityReport"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DataSyncController_mapping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataSyncController_mapping_Response"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DataSyncController_quarantine: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuarantinePage"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DataSyncController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartSyncRequest"];
            };
        };
        responses: {
            /** @description OK */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StartSyncReply"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DataSyncController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncStatusView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MachinesController_list: {
        parameters: {
            query?: {
                limit?: number;
                location?: string;
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListMachinesReply"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MachinesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                machine_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MachineView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MachinesController_downtime: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound (ISO 8601 with offset); records overlapping [from, to) are returned. */
                from?: string;
                limit?: number;
                to?: string;
            };
            header?: never;
            path: {
                machine_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MachinesController_downtime_Response"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MachinesController_jobs: {
        parameters: {
            query?: {
                /** @description Inclusive lower bound (ISO 8601 with offset); records overlapping [from, to) are returned. */
                from?: string;
                limit?: number;
                to?: string;
            };
            header?: never;
            path: {
                machine_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MachinesController_jobs_Response"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MachinesController_readings: {
        parameters: {
            query: {
                /** @description Equal time buckets the period is cut into (default 200). */
                buckets?: number;
                from: string;
                /** @description One metric (sensor) only; all of the machine's otherwise. */
                metric?: string;
                to: string;
            };
            header?: never;
            path: {
                machine_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadingsView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MachineRiskController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                machine_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MachineRiskView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MachinesController_states: {
        parameters: {
            query: {
                /** @description ISO 8601 with offset; the state in effect at `from` is included, clipped to it. */
                from: string;
                to: string;
            };
            header?: never;
            path: {
                machine_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StateTimelineView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MlController_listDatasets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MlController_listDatasets_Response"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Valid, but too little data (INSUFFICIENT_DATA) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MlController_createDataset: {
        parameters: {
            query?: {
                /** @description For text/csv uploads: the dataset's exclude (a comma-separated list) */
                exclude?: string;
                /** @description For text/csv uploads: the dataset's group */
                group?: string;
                /** @description For text/csv uploads: the dataset's label */
                label?: string;
                /** @description For text/csv uploads: the dataset's name */
                name?: string;
                /** @description For text/csv uploads: the dataset's order */
                order?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DatasetUploadBody"];
                "text/csv": string;
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatasetView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Valid, but too little data (INSUFFICIENT_DATA) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MlController_deleteDataset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Valid, but too little data (INSUFFICIENT_DATA) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MlController_evaluate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvaluateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Valid, but too little data (INSUFFICIENT_DATA) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MlController_models: {
        parameters: {
            query?: {
                model_type?: "downtime" | "maintenance_window" | "failure_risk" | "anomaly";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MlController_models_Response"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Valid, but too little data (INSUFFICIENT_DATA) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MlController_accuracy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelAccuracyView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Valid, but too little data (INSUFFICIENT_DATA) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MlController_activate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Valid, but too little data (INSUFFICIENT_DATA) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MlController_optimizeSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OptimizeScheduleRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Valid, but too little data (INSUFFICIENT_DATA) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MlController_predictAnomalies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PredictAnomaliesRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnomaliesView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Valid, but too little data (INSUFFICIENT_DATA) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MlController_predictDowntime: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PredictDowntimeRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PredictionResult"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Valid, but too little data (INSUFFICIENT_DATA) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MlController_predictFailureRisk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PredictFailureRiskRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PredictionResult"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Valid, but too little data (INSUFFICIENT_DATA) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MlController_predictMaintenance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PredictMaintenanceRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceWindowResult"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Valid, but too little data (INSUFFICIENT_DATA) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MlController_predictions: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
                /** @description Predictions made at or after this time (ISO 8601 with offset). */
                from?: string;
                limit?: number;
                machine_id?: string;
                /** @description Predictions made before this time. */
                to?: string;
                type?: "downtime" | "maintenance_window" | "failure_risk" | "anomaly";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PredictionPage"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Valid, but too little data (INSUFFICIENT_DATA) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MlController_trainings: {
        parameters: {
            query?: {
                limit?: number;
                model_type?: "downtime" | "maintenance_window" | "failure_risk" | "anomaly";
                state?: "queued" | "running" | "succeeded" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MlController_trainings_Response"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Valid, but too little data (INSUFFICIENT_DATA) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MlController_train: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrainRequest"];
            };
        };
        responses: {
            /** @description OK */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MlController_train_Response"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Valid, but too little data (INSUFFICIENT_DATA) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MlController_training: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                training_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainingView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Valid, but too little data (INSUFFICIENT_DATA) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeliveriesController_list: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                state?: "pending" | "sent" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPage"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ReportsController_custom: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomReportRequest"];
            };
        };
        responses: {
            /** @description The report file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                    "application/pdf": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ReportsController_daily: {
        parameters: {
            query?: {
                /** @description The day in the shop's default calendar zone (UTC without one); default yesterday. */
                date?: string;
                format?: "json" | "csv" | "xlsx" | "pdf";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                    "application/pdf": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ReportSchedulesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportSchedulesController_list_Response"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ReportSchedulesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportScheduleBody"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportScheduleView"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is too large (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ReportSchedulesController_delete: {
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
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ReportSchedulesController_runs: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportSchedulesController_runs_Response"];
                };
            };
            /** @description Invalid input (VALIDATION_FAILED with field_errors) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, unknown, revoked or expired credentials (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role of the credentials is too small (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); Retry-After says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}

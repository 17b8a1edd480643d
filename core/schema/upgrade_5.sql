-- v4 -> v5: stored explanations become language-neutral. plan_days.reason,
-- plan_events.reason and dose_warnings.message held English sentences; from
-- v5 they hold a JSON list of message references (message id and
-- arguments: numbers, codes, rule ids), rendered at read time in the
-- reader's language (core/src/reasons.rs). The English text of older rows
-- cannot be turned back into references, so it is kept, unchanged, as the
-- message "legacy-text" with the text as its argument: it reads exactly as
-- before, in every language. No column changes shape. (The bundled SQLite
-- is built without JSON functions: the JSON string is escaped by hand, for
-- backslash, double quote, newline, carriage return and tab; reasons and
-- messages never held other control characters.)
UPDATE plan_days SET reason =
    '[{"id":"legacy-text","args":[["text","' || replace(replace(replace(replace(replace(reason, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"]]}]';
UPDATE plan_events SET reason =
    '[{"id":"legacy-text","args":[["text","' || replace(replace(replace(replace(replace(reason, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"]]}]';
UPDATE dose_warnings SET message =
    '[{"id":"legacy-text","args":[["text","' || replace(replace(replace(replace(replace(message, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"]]}]';

// Re-export the generated bindings: `import KefirKit` gives the app the core's
// records and enums (Today, PlanView, Screening, CheckinInput, ...), KefirApp
// and KefirError, plus the helpers of this module.
@_exported import KefirBindings

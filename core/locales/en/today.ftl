### The Today screen: headline, and the dose warnings it shows.

today-done = Done for today: { $drunk } of { $target } ml.
today-to-go = Today: { $target } ml of kefir, { $left } ml to go.
today-welcome = Welcome: answer the screening questions first, then start your plan.
today-ready = Ready when you are: start your plan.


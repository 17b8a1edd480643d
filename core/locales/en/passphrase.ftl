### Passphrase strength for encrypted backups (core/src/passphrase.rs).
### Reasons are one sentence each and never quote the passphrase.

passphrase-level-too_weak = Too weak
passphrase-level-fair = Fair
passphrase-level-strong = Strong

passphrase-reason-empty = Enter a passphrase: it is empty.
passphrase-reason-too-short = It is too short: use at least { $min } characters, for example several unrelated words.
passphrase-reason-common = It is, or contains, a commonly used password, even with changed capitals, digits for letters or added digits and symbols.
passphrase-reason-context = It contains the app's name or a word about the app or a backup, which an attacker tries first.
passphrase-reason-keyboard = It contains a run of neighbouring keys on the keyboard, like qwerty.
passphrase-reason-sequence = It contains a sequence of characters, like 1234 or abcd.
passphrase-reason-repeated = It repeats a character or a group of characters, like aaaa or abcabc.
passphrase-reason-year = It contains a year, which is easy to guess.
passphrase-reason-one-kind = It uses only one kind of character; adding words helps more than adding symbols.
passphrase-reason-guessable = It could be guessed by an attacker with time and a copy of the file; add another word or a few more characters.
passphrase-reason-famous = It is, or contains, a well-known example passphrase, which attackers try first.
passphrase-reason-medicine = It contains the name of a medicine, which an attacker tries first against a health diary.
passphrase-reason-date = It contains a date, a month or a weekday, which is easy to guess.

### Stärke der Passphrase für verschlüsselte Sicherungen (core/src/passphrase.rs).
### Jeder Grund ist ein Satz und zitiert nie die Passphrase.

passphrase-level-too_weak = Zu schwach
passphrase-level-fair = Ausreichend
passphrase-level-strong = Stark

passphrase-reason-empty = Geben Sie eine Passphrase ein: Sie ist leer.
passphrase-reason-too-short = Sie ist zu kurz: Verwenden Sie mindestens { $min } Zeichen, zum Beispiel mehrere voneinander unabhängige Wörter.
passphrase-reason-common = Sie ist oder enthält ein häufig verwendetes Passwort, auch mit geänderter Groß- und Kleinschreibung, Ziffern statt Buchstaben oder angehängten Ziffern und Zeichen.
passphrase-reason-context = Sie enthält den Namen der App oder ein Wort über die App oder eine Sicherung, das ein Angreifer zuerst ausprobiert.
passphrase-reason-keyboard = Sie enthält eine Reihe benachbarter Tasten der Tastatur, wie qwertz.
passphrase-reason-sequence = Sie enthält eine Zeichenfolge wie 1234 oder abcd.
passphrase-reason-repeated = Sie wiederholt ein Zeichen oder eine Zeichengruppe, wie aaaa oder abcabc.
passphrase-reason-year = Sie enthält eine Jahreszahl, die leicht zu erraten ist.
passphrase-reason-one-kind = Sie verwendet nur eine Art von Zeichen; weitere Wörter helfen mehr als Sonderzeichen.
passphrase-reason-guessable = Ein Angreifer mit Zeit und einer Kopie der Datei könnte sie erraten; fügen Sie ein weiteres Wort oder einige Zeichen hinzu.
passphrase-reason-famous = Sie ist oder enthält eine bekannte Beispiel-Passphrase, die Angreifer zuerst ausprobieren.
passphrase-reason-medicine = Sie enthält den Namen eines Medikaments, den ein Angreifer bei einem Gesundheitstagebuch zuerst ausprobiert.
passphrase-reason-date = Sie enthält ein Datum, einen Monat oder einen Wochentag, die leicht zu erraten sind.

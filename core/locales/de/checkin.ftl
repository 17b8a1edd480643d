### Check-ins und Reaktionsmeldungen: Kopfzeile der Bewertung und Notfallbildschirm.

checkin-headline-emergency = Hören Sie sofort mit Kefir auf und rufen Sie den Notruf.
checkin-headline-stop = Hören Sie sofort mit Kefir auf und holen Sie ärztlichen Rat ein.
checkin-headline-consult = Sprechen Sie vor Ihrem nächsten Kefir mit einer Ärztin oder einem Arzt.
checkin-headline-caution = Gehen Sie zu einer kleineren Menge zurück und machen Sie weiter Ihre Check-ins.
checkin-headline-none = Keine Beschwerden: gut gemacht.
checkin-headline-unruled = Beschwerden notiert: Keine Regel trifft darauf zu; bleiben Sie bei der heutigen Menge und machen Sie weiter Ihre Check-ins.
checkin-headline-mild = Leichte Beschwerden sind während der Eingewöhnung zu erwarten: Bleiben Sie bei der heutigen Menge.
checkin-noted = Notiert ({ $title }). Kefir ist wegen des gleichzeitig gemeldeten Warnzeichens gestoppt: Folgen Sie zuerst diesem Hinweis.

emergency-title-allergy = Mögliche schwere allergische Reaktion
emergency-title-infection = Mögliche schwere Infektion
emergency-stop = Trinken Sie sofort keinen Kefir mehr.
emergency-call = Rufen Sie jetzt den örtlichen Notruf (zum Beispiel 112, 911 oder 999).
emergency-call-number = Rufen Sie jetzt den Notruf: { $number }.
emergency-adrenaline = Wenn Sie einen Adrenalin-Autoinjektor haben, wenden Sie ihn so an, wie es Ihnen gezeigt wurde.
emergency-position = Legen Sie sich hin und lagern Sie die Beine hoch; wenn das Atmen schwerfällt, setzen Sie sich auf. Stehen Sie nicht plötzlich auf und gehen Sie nicht umher.
emergency-company = Bleiben Sie nicht allein: Bitten Sie jemanden, bei Ihnen zu bleiben, bis Hilfe eintrifft.
emergency-infection-care = Holen Sie sofort dringende ärztliche Hilfe: Rufen Sie die Notfallnummer Ihres Behandlungsteams oder den örtlichen Notruf an.
emergency-infection-tell = Sagen Sie dort, dass Ihr Immunsystem geschwächt ist und dass Sie Kefir (ein Probiotikum) getrunken haben.
emergency-show-summary = Zeigen Sie die Zusammenfassung dieser App der Ärztin oder dem Arzt, die oder der Sie behandelt.
emergency-plan-stopped = Ihr Plan ist gestoppt. Er beginnt erst wieder, nachdem eine Ärztin oder ein Arzt Sie gesehen hat und Sie deren Zustimmung erfasst haben (mit einem Datum nach dieser Reaktion), auf der niedrigsten Stufe.

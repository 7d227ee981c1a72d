#!/usr/bin/env python3
"""Writes src/Crm.Web/Features/Accounts/common-passwords.txt: passwords people pick most often.

No breach corpus can be downloaded where this was written, so the list is composed from the patterns such corpora
are known to be dominated by: digit runs, keyboard walks, well-known words and names, each with the usual suffixes
(digits, years, "!") and capitalisation. The app compares case-insensitively. Re-run after editing the seeds.
"""
import itertools
import pathlib

words = """password passw0rd p@ssword p@ssw0rd pass pass123 letmein welcome welcome1 admin administrator root toor login
qwerty qwertz azerty abc abcd abcdef abcdefg abcdefgh abc123 iloveyou monkey dragon master shadow sunshine princess
football baseball basketball soccer hockey tennis golf superman batman spiderman starwars pokemon nintendo
trustno1 whatever freedom ninja mustang michael jordan jennifer hunter buster soccer harley ranger daniel thomas
robert matthew andrew joshua charlie jessica ashley amanda summer winter autumn spring flower purple orange yellow
silver golden cookie cheese coffee chocolate banana apple orange pepper ginger tigger lovely loveme lover secret
hello hello123 test tester testing test123 guest default changeme change changeit computer internet google yahoo
facebook twitter linkedin microsoft windows linux ubuntu android iphone samsung killer hacker access money
blessed jesus christ angel angels family friends friend forever mother father sister brother baby babygirl babyboy
justin taylor maggie ginger bailey buddy chicken liverpool chelsea arsenal barcelona madrid juventus
zaq12wsx 1qaz2wsx 1q2w3e4r 1q2w3e4r5t 1q2w3e 1qazxsw2 qazwsx qazwsxedc asdf asdfgh asdfghjkl zxcvbnm zxcvbn
qwertyuiop qwertyui qwerty123 qwe123 asd123 zxc123 aaaaaa aaaaaaaa 111111 000000 121212 123123 112233 654321
666666 696969 777777 888888 999999 987654321 11111111 22222222 88888888 00000000 123qwe 123abc a1b2c3 abcd1234
mypassword yourpassword nopassword password1 password12 password123 password1234 passwort motdepasse contrasena
senha parola wachtwoord salasana haslo lozinka jelszo heslo sommer hallo schatz liebe bonjour soleil chouchou
crm company business office manager sales marketing customer contact contacts account accounts finance report
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december
""".split()

digit_runs = ["1234567890", "0987654321", "12345", "123456", "1234567", "12345678", "123456789", "12345678910",
              "123456789a", "1234567890a", "a123456789", "0123456789", "987654321", "9876543210", "1111111111",
              "0000000000", "1234512345", "1122334455", "1212121212", "1231231231", "5555555555", "7777777777"]
walks = ["qwertyuiop", "qwertyuiop123", "asdfghjkl", "asdfghjkl123", "zxcvbnm123", "qwerasdfzxcv", "1qaz2wsx3edc",
         "1q2w3e4r5t6y", "qazwsxedcrfv", "poiuytrewq", "lkjhgfdsa", "mnbvcxz", "q1w2e3r4t5", "1q2w3e4r5t6y7u8i9o0p",
         "qwertyuiop[]", "!qaz2wsx", "zaq1zaq1", "zaq1xsw2cde3"]
suffixes = ["", "1", "12", "123", "1234", "12345", "123456", "!", "1!", "123!", "01", "007", "69", "99", "2000",
            "11", "22", "13", "7", "0"]
years = [str(y) for y in range(1970, 2031)]

entries = set(digit_runs) | set(walks)
for index, word in enumerate(words):
    # Years follow the commonest words most often; the long tail gets only the short suffixes.
    for suffix in suffixes + (years if index < 120 else []):
        entries.add(word + suffix)
for a, b in itertools.product(["i love you", "iloveyou", "letmein", "welcome", "password"], ["", "!", "1", "123"]):
    entries.add(a + b)

out = pathlib.Path(__file__).resolve().parent.parent / "src/Crm.Web/Features/Accounts/common-passwords.txt"
lines = sorted({e.lower() for e in entries if e})
out.write_text("# Common passwords, refused at registration and password change (scripts/common-passwords.py).\n"
               + "\n".join(lines) + "\n")
print(f"{len(lines)} entries -> {out}")

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-demo"

#include "config.h"

#include "platzd-demo-names.h"

#define LIST(name, array) \
  const PlatzdDemoList name = { array, G_N_ELEMENTS (array) }

/* Common first names of people born in Germany from the 1960s to the
 * 1990s, with some of the families who came later. */
static const char * const female[] = {
  "Anna", "Andrea", "Angelika", "Anja", "Annette", "Antje", "Barbara", "Bettina", "Birgit",
  "Brigitte", "Carina", "Carolin", "Christiane", "Christina", "Claudia", "Cornelia", "Daniela",
  "Doris", "Elena", "Elke", "Eva", "Franziska", "Gabriele", "Heike", "Ines", "Iris", "Jana",
  "Janina", "Jennifer", "Jessica", "Johanna", "Julia", "Jutta", "Karin", "Katharina", "Kathrin",
  "Katrin", "Kerstin", "Kristina", "Laura", "Lea", "Lena", "Lisa", "Manuela", "Maria",
  "Marion", "Martina", "Melanie", "Michaela", "Miriam", "Monika", "Nadine", "Natalie",
  "Nicole", "Nina", "Petra", "Sabine", "Sandra", "Sarah", "Silke", "Simone", "Sonja",
  "Stefanie", "Susanne", "Svenja", "Tanja", "Ulrike", "Ursula", "Vanessa", "Verena",
  "Yvonne", "Ayşe", "Elif", "Fatma", "Zeynep", "Katarzyna", "Agnieszka", "Olga", "Irina",
  "Swetlana", "Ana", "Ivana", "Leonie", "Hannah", "Sophie", "Charlotte", "Judith", "Mareike",
};

static const char * const male[] = {
  "Alexander", "Andreas", "Bernd", "Björn", "Christian", "Christoph", "Daniel", "David",
  "Dennis", "Dieter", "Dirk", "Dominik", "Florian", "Frank", "Georg", "Gerhard", "Hans",
  "Harald", "Heiko", "Helmut", "Holger", "Jan", "Jens", "Joachim", "Jörg", "Jürgen", "Kai",
  "Karl", "Klaus", "Lars", "Lukas", "Manfred", "Marcel", "Marco", "Markus", "Martin",
  "Matthias", "Max", "Michael", "Nils", "Olaf", "Oliver", "Patrick", "Paul", "Peter",
  "Philipp", "Ralf", "Rainer", "René", "Robert", "Sascha", "Sebastian", "Simon", "Stefan",
  "Sven", "Thomas", "Thorsten", "Tim", "Tobias", "Torsten", "Ulrich", "Uwe", "Volker",
  "Werner", "Wolfgang", "Mehmet", "Mustafa", "Ahmet", "Emre", "Tomasz", "Piotr", "Dmitri",
  "Sergej", "Nikola", "Luca", "Jonas", "Felix", "Moritz", "Niklas", "Benjamin", "Fabian",
};

static const char * const last[] = {
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
  "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
  "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt",
  "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler",
  "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang",
  "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller",
  "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke",
  "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin", "Schumacher",
  "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt",
  "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl",
  "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff",
  "Pfeiffer", "Ernst", "Kramer", "Lindner", "Hübner", "Brinkmann", "Wendt", "Kolb", "Dörr",
  "Seifert", "Lehmkuhl", "Beckmann", "Ebert", "Haase", "Janssen", "Kessler", "Krebs",
  "Paul", "Ritter", "Rieger", "Sander", "Stark", "Thiele", "Vetter", "Wiegand", "Wirth",
  "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Nowak", "Kowalski",
  "Wiśniewski", "Lewandowski", "Popov", "Iwanow", "Petrović", "Jovanović", "Rossi", "Esposito",
  "Nguyen", "Papadopoulos", "Fernández", "Müller-Lüdenscheidt", "Schmidt-Bergmann",
  "von Arnim", "Ahrens", "Bischoff", "Brückner", "Dreyer", "Eckert", "Feldmann", "Gerlach",
  "Hauser", "Jakobs", "Kirchner", "Langer", "Marx", "Nolte", "Oswald", "Preuß", "Reuter",
  "Rudolph", "Schilling", "Schenk", "Thalmann", "Ulrich", "Voss", "Weidner", "Zeller",
};

static const char * const meeting[] = {
  "Dienstbesprechung", "Jour fixe", "Abstimmung Haushaltsentwurf", "Bewerbungsgespräch",
  "Projekt E-Akte", "Lenkungskreis Digitalisierung", "Teambesprechung", "Abstimmung Bauantrag",
  "Vorbereitung Ausschusssitzung", "Mitarbeitergespräch", "Schulung Fachverfahren",
  "Workshop Prozessoptimierung", "Personalratssitzung", "Abstimmung mit dem Rechtsamt",
  "Bürgerbeteiligung Vorbereitung", "Qualitätszirkel", "Onboarding neue Kolleginnen und Kollegen",
  "Videokonferenz mit dem Land", "Vergabebesprechung", "Amtsleitungsrunde",
};

static const char * const lounge[] = {
  "Teamfrühstück", "Verabschiedung in den Ruhestand", "Geburtstagskaffee",
  "Sommerfest-Vorbereitung", "Kollegiale Beratung", "Mittagsrunde",
};

static const char * const block[] = {
  "Monitor defekt", "Bürostuhl defekt", "Netzwerkdose ohne Funktion",
  "Schreibtisch wird getauscht",
  "Elektroprüfung (DGUV V3)", "Renovierung", "Höhenverstellung defekt",
};

LIST (platzd_demo_female_names, female);
LIST (platzd_demo_male_names, male);
LIST (platzd_demo_last_names, last);
LIST (platzd_demo_meeting_titles, meeting);
LIST (platzd_demo_lounge_titles, lounge);
LIST (platzd_demo_block_reasons, block);

/* 0 Rathaus (central services, finance, social affairs), 1 Technisches
 * Rathaus (planning and building), 2 Bürgerbüro Nord (citizen services). */
const PlatzdDemoTeamName platzd_demo_teams[] = {
  { 0, "Amt für Digitalisierung – Sachgebiet E-Government" },
  { 0, "Amt für Digitalisierung – Sachgebiet IT-Service" },
  { 0, "Amt für Digitalisierung – Sachgebiet Organisation" },
  { 0, "Hauptamt – Sachgebiet Ratsangelegenheiten" },
  { 0, "Hauptamt – Sachgebiet Zentrale Dienste" },
  { 0, "Personalamt – Sachgebiet Personalgewinnung" },
  { 0, "Personalamt – Sachgebiet Entgelt und Besoldung" },
  { 0, "Personalamt – Sachgebiet Personalentwicklung" },
  { 0, "Kämmerei – Sachgebiet Haushalt" },
  { 0, "Kämmerei – Sachgebiet Finanzbuchhaltung" },
  { 0, "Stadtkasse – Sachgebiet Vollstreckung" },
  { 0, "Steueramt – Sachgebiet Gewerbesteuer" },
  { 0, "Steueramt – Sachgebiet Grundbesitzabgaben" },
  { 0, "Rechtsamt – Sachgebiet Allgemeines Recht" },
  { 0, "Rechnungsprüfungsamt – Sachgebiet Prüfung" },
  { 0, "Amt für Soziales – Sachgebiet Wohngeld" },
  { 0, "Amt für Soziales – Sachgebiet Grundsicherung" },
  { 0, "Amt für Soziales – Sachgebiet Hilfe zur Pflege" },
  { 0, "Amt für Soziales – Sachgebiet Asyl und Integration" },
  { 0, "Jugendamt – Sachgebiet Allgemeiner Sozialer Dienst" },
  { 0, "Jugendamt – Sachgebiet Kindertagesbetreuung" },
  { 0, "Jugendamt – Sachgebiet Unterhaltsvorschuss" },
  { 0, "Jugendamt – Sachgebiet Jugendhilfeplanung" },
  { 0, "Amt für Schule und Sport – Sachgebiet Schulverwaltung" },
  { 0, "Amt für Schule und Sport – Sachgebiet Sportförderung" },
  { 0, "Kulturamt – Sachgebiet Kulturförderung" },
  { 0, "Pressestelle – Sachgebiet Öffentlichkeitsarbeit" },
  { 1, "Stadtplanungsamt – Sachgebiet Bauleitplanung" },
  { 1, "Stadtplanungsamt – Sachgebiet Stadterneuerung" },
  { 1, "Stadtplanungsamt – Sachgebiet Verkehrsplanung" },
  { 1, "Bauordnungsamt – Sachgebiet Baugenehmigungen Nord" },
  { 1, "Bauordnungsamt – Sachgebiet Baugenehmigungen Süd" },
  { 1, "Bauordnungsamt – Sachgebiet Bauaufsicht" },
  { 1, "Bauordnungsamt – Sachgebiet Denkmalschutz" },
  { 1, "Tiefbauamt – Sachgebiet Straßenbau" },
  { 1, "Tiefbauamt – Sachgebiet Brücken und Ingenieurbauwerke" },
  { 1, "Tiefbauamt – Sachgebiet Stadtentwässerung" },
  { 1, "Hochbauamt – Sachgebiet Schulbau" },
  { 1, "Hochbauamt – Sachgebiet Gebäudemanagement" },
  { 1, "Hochbauamt – Sachgebiet Energiemanagement" },
  { 1, "Vermessungsamt – Sachgebiet Geoinformation" },
  { 1, "Vermessungsamt – Sachgebiet Bodenordnung" },
  { 1, "Umweltamt – Sachgebiet Immissionsschutz" },
  { 1, "Umweltamt – Sachgebiet Naturschutz" },
  { 1, "Umweltamt – Sachgebiet Klimaschutz" },
  { 1, "Grünflächenamt – Sachgebiet Friedhöfe" },
  { 1, "Grünflächenamt – Sachgebiet Parks und Spielplätze" },
  { 1, "Liegenschaftsamt – Sachgebiet Grundstücksverkehr" },
  { 1, "Amt für Mobilität – Sachgebiet ÖPNV und Radverkehr" },
  { 1, "Wirtschaftsförderung – Sachgebiet Unternehmensservice" },
  { 2, "Bürgeramt – Sachgebiet Meldewesen" },
  { 2, "Bürgeramt – Sachgebiet Pass- und Ausweiswesen" },
  { 2, "Bürgeramt – Sachgebiet Kfz-Zulassung" },
  { 2, "Ordnungsamt – Sachgebiet Gewerbeangelegenheiten" },
  { 2, "Ordnungsamt – Sachgebiet Verkehrsüberwachung" },
  { 2, "Ausländerbehörde – Sachgebiet Aufenthalt" },
  { 2, "Ausländerbehörde – Sachgebiet Einbürgerung" },
  { 2, "Standesamt – Sachgebiet Eheschließungen" },
  { 2, "Standesamt – Sachgebiet Beurkundungen" },
  { 2, "Wahlamt – Sachgebiet Wahlen und Statistik" },
};
const guint platzd_demo_n_teams = G_N_ELEMENTS (platzd_demo_teams);

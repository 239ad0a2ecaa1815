/*
 * synth/jobreg_synth.c
 *		jobreg_synth: a synthetic DREAM-like register for jobreg's demo, tests
 *		and benchmarks.  Persons aged 16-66 in all 98 kommuner, their weekly
 *		benefit histories as runs, their activation offers, and population
 *		counts, all deterministic for a (seed, scale) and calibrated to the
 *		figures printed in the documents (seeds/000, 002, 003).
 *
 * The model.  Every person has a kommune, a sex, a birth date and a frailty
 * class (ordinary, marginal, udsat).  Time runs in ISO weeks from 1981-W27
 * (ten years of burn-in before DREAM's first week, 1991-W27) to 2024-W52.  A
 * person is in one internal state at a time; from each state, flows to other
 * states have weekly hazards that are a base rate times multipliers for age,
 * frailty class, region (København, its klynge, the ledighedsydelse klynge,
 * the rest of the country), calendar year and the time already spent in the
 * state.  For kontanthjælp the clock is the kontanthjælp spell (aktivitetsparat
 * and jobparat together, breaks of at most 5 weeks bridged, STAR's rule), so
 * spells get longer-lasting the older they are.  Because the hazards are
 * piecewise constant, a sojourn is drawn segment by segment by inversion, not
 * week by week.  Activation offers are drawn afterwards along the runs of the
 * benefit states, from a second random stream, so that activation parameters
 * do not disturb the histories.
 *
 * Randomness.  Each person has its own xoshiro256** streams, seeded through
 * splitmix64 from (seed, pnr, stream): a person's data do not depend on which
 * other persons are generated, in what order, or in how many processes.  pnr
 * is kommunekode * 1,000,000 + serial, and scale s keeps the first
 * round(s * N) serials of each kommune, so a smaller scale is a subset of a
 * larger one with the same histories.
 *
 * Isoweeks are handled as their representation, int4 weeks since 2000-W01
 * (Monday 2000-01-03); this module does not link jobreg's objects.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/rangetypes.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "time/time.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(synth_kommuner);
PG_FUNCTION_INFO_V1(synth_states);
PG_FUNCTION_INFO_V1(synth_tilbudstyper);
PG_FUNCTION_INFO_V1(synth_persons);
PG_FUNCTION_INFO_V1(synth_histories);
PG_FUNCTION_INFO_V1(synth_offers);
PG_FUNCTION_INFO_V1(synth_population);
PG_FUNCTION_INFO_V1(synth_background);
PG_FUNCTION_INFO_V1(synth_employment);
PG_FUNCTION_INFO_V1(synth_monthlines);
PG_FUNCTION_INFO_V1(synth_contacts);
PG_FUNCTION_INFO_V1(synth_mentor);
PG_FUNCTION_INFO_V1(synth_exemptions);
PG_FUNCTION_INFO_V1(synth_residence);

/* ---------- calendar ---------- */

#define DAYS_PER_YEAR	365.25
#define WEEKS_PER_YEAR	(DAYS_PER_YEAR / 7.0)

/* Monday of an isoweek as a DateADT: 2000-01-03 is day 2 of PostgreSQL's epoch */
#define WEEK_MONDAY(w)	((DateADT) (2 + 7 * (int32) (w)))
/* the isoweek containing a DateADT */
#define WEEK_OF_DATE(d) ((IsoWeek) floor(((double) (d) - 2) / 7.0))

#define FIRST_SIM_YEAR	1981	/* burn-in starts in 1981-W27 */
#define LAST_SIM_YEAR	2024	/* the register ends with 2024-W52 */
#define N_YEARS			(LAST_SIM_YEAR - FIRST_SIM_YEAR + 1)
#define FIRST_POP_YEAR	2008	/* population counts: 2008 Q1 ... 2024 Q4 */
#define N_QUARTERS		((LAST_SIM_YEAR - FIRST_POP_YEAR + 1) * 4)
#define MIN_AGE			16
#define MAX_AGE			66
#define MAX_PROFILE_AGE 70

/* persons: everyone aged 16-66 on some Monday of 2008-W01 ... 2024-W52 */
#define FIRST_BIRTH_YEAR 1941
#define LAST_BIRTH_YEAR 2008
#define N_BIRTH_YEARS	(LAST_BIRTH_YEAR - FIRST_BIRTH_YEAR + 1)

#define PNR_PER_KOMMUNE 1000000

static IsoWeek burnin_week;		/* 1981-W27 */
static IsoWeek first_dream_week;		/* 1991-W27, the first week a caller may ask for */
static IsoWeek last_week;		/* 2024-W52 */
static IsoWeek default_first;	/* 2008-W01 */
static IsoWeek year_start[N_YEARS + 1]; /* first isoweek of each ISO year */
/* the years in which København's residence moves jobs and offers (seeds/001: residenceJob, residenceVirk) */
#define RESIDENCE_FROM 2013
#define RESIDENCE_TO 2015
#define RESIDENCE_LATER_TO 2017	/* the second period of residenceJob and residenceVirk: 2016-2017 */
static DateADT period_b_start,	/* 2015-07-01, see Activation */
			period_c_start,		/* 2017-01-01 */
			residence_virk_from,	/* 2013-01-01, see residenceVirk */
			residence_virk_2016,	/* 2016-01-01 */
			residence_virk_to;	/* 2018-01-01 */

static IsoWeek
WeekOf(int year, int week)
{
	return (IsoWeek) ((isoweek2j(year, week) - POSTGRES_EPOCH_JDATE - 2) / 7);
}

static DateADT
DateOf(int year, int month, int day)
{
	return date2j(year, month, day) - POSTGRES_EPOCH_JDATE;
}

/* ---------- random numbers: xoshiro256** seeded through splitmix64 ---------- */

typedef struct Rng
{
	uint64		s[4];
} Rng;

static uint64
SplitMix64(uint64 *x)
{
	uint64		z = (*x += UINT64CONST(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64CONST(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64CONST(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/*
 * stream 1: the person and its history; stream 2: its activation offers;
 * stream 3: its monthly employment; stream 4: its background; stream 5: its
 * jobsamtaler; stream 6: the benefits of the kontanthjælp family; stream 7:
 * mentor periods; stream 11: residence; stream 12: the kind of activation
 * course (see Activation); stream 13: exemptions from activation.  New outputs
 * take new streams, so they do not move the calibrated ones.
 */
static void
RngSeed(Rng *rng, int64 seed, int32 pnr, int stream)
{
	uint64		x = (uint64) seed;

	x = SplitMix64(&x) ^ ((uint64) (uint32) pnr * UINT64CONST(0xD1B54A32D192ED03))
		^ ((uint64) stream * UINT64CONST(0x8CB92BA72F3D8DD7));
	for (int i = 0; i < 4; i++)
		rng->s[i] = SplitMix64(&x);
}

static inline uint64
Rotl(uint64 x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64
RngNext(Rng *rng)
{
	uint64	   *s = rng->s;
	uint64		result = Rotl(s[1] * 5, 7) * 9;
	uint64		t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = Rotl(s[3], 45);
	return result;
}

/* uniform on the open interval (0, 1) */
static double
Uniform(Rng *rng)
{
	return ((double) (RngNext(rng) >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

/* uniform integer in [lo, hi] */
static int
UniformInt(Rng *rng, int lo, int hi)
{
	return lo + (int) (Uniform(rng) * (hi - lo + 1));
}

/* ---------- kommuner ---------- */

/* the regions the parameters distinguish */
typedef enum Region
{
	R_KBH,						/* København */
	R_KLYNGE,					/* København's 2015 klynge: Albertslund, Brøndby,
								 * Høje-Taastrup, Ishøj, Lolland */
	R_LKLYNGE,					/* the 2015 klynge for ledighedsydelse: Dragør,
								 * Furesø, Hillerød, Solrød */
	R_REST,						/* the other 88 kommuner */
	N_REGIONS,
	/* year profiles only: the 67 kommuner of R_REST outside seeds/002's 25 */
	R_REST_OUT = N_REGIONS,
	N_YEAR_REGIONS
} Region;

#define ALL (-1)				/* any region or period, in the tables below */

/* age structure of a kommune's population (see popAge) */
typedef enum AgeStructure
{
	AS_LAND,
	AS_STORBY
} AgeStructure;

typedef struct Kommune
{
	int32		kode;
	int32		pop_16_66;		/* persons aged 16-66 on 1 January 2015 (approximate) */
	int8		region;
	int8		ages;
} Kommune;

static const Kommune kommuner[] = {
	/* Region Hovedstaden */
	{101, 430000, R_KBH, AS_STORBY},	/* København */
	{147, 75100, R_REST, AS_STORBY},	/* Frederiksberg */
	{151, 30300, R_REST, AS_LAND},	/* Ballerup */
	{153, 22700, R_KLYNGE, AS_LAND},	/* Brøndby */
	{155, 8400, R_LKLYNGE, AS_LAND},	/* Dragør */
	{157, 45100, R_REST, AS_LAND},	/* Gentofte */
	{159, 44100, R_REST, AS_LAND},	/* Gladsaxe */
	{161, 14350, R_REST, AS_LAND},	/* Glostrup */
	{163, 18100, R_REST, AS_LAND},	/* Herlev */
	{165, 18000, R_KLYNGE, AS_LAND},	/* Albertslund */
	{167, 34100, R_REST, AS_LAND},	/* Hvidovre */
	{169, 32600, R_KLYNGE, AS_LAND},	/* Høje-Taastrup */
	{173, 35200, R_REST, AS_LAND},	/* Lyngby-Taarbæk */
	{175, 24400, R_REST, AS_LAND},	/* Rødovre */
	{183, 14800, R_KLYNGE, AS_LAND},	/* Ishøj */
	{185, 27100, R_REST, AS_LAND},	/* Tårnby */
	{187, 9950, R_REST, AS_LAND},	/* Vallensbæk */
	{190, 24300, R_LKLYNGE, AS_LAND},	/* Furesø */
	{201, 15000, R_REST, AS_LAND},	/* Allerød */
	{210, 24500, R_REST, AS_LAND},	/* Fredensborg */
	{217, 37800, R_REST, AS_LAND},	/* Helsingør */
	{219, 31800, R_LKLYNGE, AS_LAND},	/* Hillerød */
	{223, 14400, R_REST, AS_LAND},	/* Hørsholm */
	{230, 32900, R_REST, AS_LAND},	/* Rudersdal */
	{240, 26800, R_REST, AS_LAND},	/* Egedal */
	{250, 27600, R_REST, AS_LAND},	/* Frederikssund */
	{260, 18800, R_REST, AS_LAND},	/* Halsnæs */
	{270, 24900, R_REST, AS_LAND},	/* Gribskov */
	{400, 24000, R_REST, AS_LAND},	/* Bornholm */
	/* Region Sjælland */
	{253, 30700, R_REST, AS_LAND},	/* Greve */
	{259, 37700, R_REST, AS_LAND},	/* Køge */
	{265, 56500, R_REST, AS_LAND},	/* Roskilde */
	{269, 13700, R_LKLYNGE, AS_LAND},	/* Solrød */
	{306, 19000, R_REST, AS_LAND},	/* Odsherred */
	{316, 43900, R_REST, AS_LAND},	/* Holbæk */
	{320, 21900, R_REST, AS_LAND},	/* Faxe */
	{326, 30300, R_REST, AS_LAND},	/* Kalundborg */
	{329, 21600, R_REST, AS_LAND},	/* Ringsted */
	{330, 49900, R_REST, AS_LAND},	/* Slagelse */
	{336, 13200, R_REST, AS_LAND},	/* Stevns */
	{340, 18200, R_REST, AS_LAND},	/* Sorø */
	{350, 16400, R_REST, AS_LAND},	/* Lejre */
	{360, 25100, R_KLYNGE, AS_LAND},	/* Lolland */
	{370, 51600, R_REST, AS_LAND},	/* Næstved */
	{376, 36900, R_REST, AS_LAND},	/* Guldborgsund */
	{390, 26800, R_REST, AS_LAND},	/* Vordingborg */
	/* Region Syddanmark */
	{410, 23500, R_REST, AS_LAND},	/* Middelfart */
	{420, 25100, R_REST, AS_LAND},	/* Assens */
	{430, 30900, R_REST, AS_LAND},	/* Faaborg-Midtfyn */
	{440, 14200, R_REST, AS_LAND},	/* Kerteminde */
	{450, 19200, R_REST, AS_LAND},	/* Nyborg */
	{461, 134300, R_REST, AS_STORBY},	/* Odense */
	{479, 35600, R_REST, AS_LAND},	/* Svendborg */
	{480, 17900, R_REST, AS_LAND},	/* Nordfyn */
	{482, 7100, R_REST, AS_LAND},	/* Langeland */
	{492, 3350, R_REST, AS_LAND},	/* Ærø */
	{510, 34700, R_REST, AS_LAND},	/* Haderslev */
	{530, 16400, R_REST, AS_LAND},	/* Billund */
	{540, 46400, R_REST, AS_LAND},	/* Sønderborg */
	{550, 23200, R_REST, AS_LAND},	/* Tønder */
	{561, 75200, R_REST, AS_LAND},	/* Esbjerg */
	{563, 1900, R_REST, AS_LAND},	/* Fanø */
	{573, 31000, R_REST, AS_LAND},	/* Varde */
	{575, 26500, R_REST, AS_LAND},	/* Vejen */
	{580, 36900, R_REST, AS_LAND},	/* Aabenraa */
	{607, 32300, R_REST, AS_LAND},	/* Fredericia */
	{621, 59200, R_REST, AS_LAND},	/* Kolding */
	{630, 71000, R_REST, AS_LAND},	/* Vejle */
	/* Region Midtjylland */
	{615, 57500, R_REST, AS_LAND},	/* Horsens */
	{657, 55800, R_REST, AS_LAND},	/* Herning */
	{661, 36200, R_REST, AS_LAND},	/* Holstebro */
	{665, 12200, R_REST, AS_LAND},	/* Lemvig */
	{671, 13100, R_REST, AS_LAND},	/* Struer */
	{706, 25600, R_REST, AS_LAND},	/* Syddjurs */
	{707, 23100, R_REST, AS_LAND},	/* Norddjurs */
	{710, 29500, R_REST, AS_LAND},	/* Favrskov */
	{727, 13400, R_REST, AS_LAND},	/* Odder */
	{730, 62200, R_REST, AS_LAND},	/* Randers */
	{740, 56800, R_REST, AS_LAND},	/* Silkeborg */
	{741, 2100, R_REST, AS_LAND},	/* Samsø */
	{746, 37000, R_REST, AS_LAND},	/* Skanderborg */
	{751, 234800, R_REST, AS_STORBY},	/* Aarhus */
	{756, 25700, R_REST, AS_LAND},	/* Ikast-Brande */
	{760, 34900, R_REST, AS_LAND},	/* Ringkøbing-Skjern */
	{766, 28500, R_REST, AS_LAND},	/* Hedensted */
	{779, 28400, R_REST, AS_LAND},	/* Skive */
	{791, 60100, R_REST, AS_LAND},	/* Viborg */
	/* Region Nordjylland */
	{773, 12500, R_REST, AS_LAND},	/* Morsø */
	{787, 26900, R_REST, AS_LAND},	/* Thisted */
	{810, 22100, R_REST, AS_LAND},	/* Brønderslev */
	{813, 36400, R_REST, AS_LAND},	/* Frederikshavn */
	{820, 22700, R_REST, AS_LAND},	/* Vesthimmerland */
	{825, 1000, R_REST, AS_LAND},	/* Læsø */
	{840, 18400, R_REST, AS_LAND},	/* Rebild */
	{846, 25700, R_REST, AS_LAND},	/* Mariagerfjord */
	{849, 23500, R_REST, AS_LAND},	/* Jammerbugt */
	{851, 143400, R_REST, AS_STORBY},	/* Aalborg */
	{860, 40000, R_REST, AS_LAND},	/* Hjørring */
};

#define N_KOMMUNER lengthof(kommuner)

/*
 * seeds/002's 25 kommuner (chosen by STAR for geography, size and results; 48 %
 * of the country's persons aged 16-66 and 59 % of its aktivitetsparate in 2020).
 * Year steps of R_REST hold for all of R_REST; a step of R_REST_OUT after
 * them sets the kommuner of R_REST that are not among these.
 */
static const int32 kommuner25[] = {
	101, 151, 153, 169, 210, 330, 360, 370, 376, 390, 410, 430, 461,
	480, 540, 561, 621, 630, 657, 707, 751, 787, 791, 820, 851,
};

/*
 * Persons per single year of age on 1 January 2015 (thousands), by five-year
 * band, for the country outside the big cities and for København; they give
 * the birth-year distribution.  København's profile puts 63 % of those aged
 * 16-66 at 30-66 (14,800 aktivitetsparate are 5.5 % of 30-66, seeds/000) and,
 * as persons never move, keeps the 25-29 year olds few enough that 30-66
 * grows about 2 % a year (12,970 aktivitetsparate in 2016 Q3 are 4.7 %).
 */
static const struct
{
	int			from_age;
	double		per_year[2];	/* AS_LAND, AS_STORBY */
}			popAge[] = {
	{6, {68, 7.5}},
	{11, {68, 6.0}},
	{16, {70, 5.0}},
	{20, {74, 18.0}},
	{25, {66, 10.0}},
	{30, {64, 12.6}},
	{35, {73, 8.9}},
	{40, {80, 7.6}},
	{45, {84, 6.9}},
	{50, {78, 6.1}},
	{55, {70, 5.25}},
	{60, {68, 4.7}},
	{65, {70, 4.4}},
	{70, {60, 3.1}},
};

/* ---------- states ---------- */

/*
 * Internal states.  The first thirteen are the benefit groups of jobreg's
 * synthetic codebook (codebook = 'synthetic' in jobreg's codebook table),
 * written with its codes (0 = no code, self-supported); the last three are
 * refinements that are written with the code shown in stateInfo.
 */
typedef enum State
{
	ST_SELV,					/* 0 selvforsørget */
	ST_AKT,						/* 1 kontanthjælp, aktivitetsparat */
	ST_JOBPARAT,				/* 2 kontanthjælp, jobparat */
	ST_DAGPENGE,				/* 3 a-dagpenge */
	ST_SYGE,					/* 4 sygedagpenge */
	ST_FLEKSJOB,				/* 5 fleksjob */
	ST_LEDIGHEDSYDELSE,			/* 6 ledighedsydelse (ledig fleksjobvisiteret) */
	ST_RESSOURCE,				/* 7 ressourceforløb */
	ST_REVALIDERING,			/* 8 revalidering */
	ST_FOERTID,					/* 9 førtidspension */
	ST_SU,						/* 10 SU */
	ST_FOLKEPENSION,			/* 11 folkepension */
	ST_ANDET,					/* 12 andet: barsel, orlov ... */
	ST_EFTER_KTH,				/* self-supported after kontanthjælp (code 0) */
	ST_PAUSE,					/* a break of 1-5 weeks in kontanthjælp (code 0) */
	ST_EFTERLOEN,				/* efterløn (code 1991) */
	N_STATES
} State;

#define N_CODES (ST_ANDET + 1)

static const struct
{
	int			code;
	const char *gruppe;
	const char *betegnelse;
}			stateInfo[N_STATES] = {
	{0, "selvforsørget", "ingen ydelse denne uge (selvforsørget, i beskæftigelse eller uden for registrene)"},
	{1101, "kontanthjælp aktivitetsparat", "kontanthjælp, visiteret aktivitetsparat"},
	{1111, "kontanthjælp jobparat", "kontanthjælp, visiteret jobparat"},
	{1201, "a-dagpenge", "arbejdsløshedsdagpenge"},
	{1301, "sygedagpenge", "sygedagpenge"},
	{1401, "fleksjob", "ansat i fleksjob"},
	{1501, "ledighedsydelse", "ledighedsydelse (ledig fleksjobvisiteret)"},
	{1601, "ressourceforløb", "ressourceforløbsydelse"},
	{1701, "revalidering", "revalideringsydelse"},
	{1801, "førtidspension", "førtidspension"},
	{1901, "SU", "statens uddannelsesstøtte"},
	{1951, "folkepension", "folkepension"},
	{1991, "other", "andre ordninger: efterløn, barsel, orlov"},
	{0, NULL, NULL},
	{0, NULL, NULL},
	{1991, NULL, NULL},
};

#define IS_KTH(s) ((s) == ST_AKT || (s) == ST_JOBPARAT)

/*
 * The other benefits of the kontanthjælp family (issue 18).  The simulation
 * knows one kontanthjælp (ST_AKT, ST_JOBPARAT); the histories' writer gives a
 * week of it another code by the rules of RecodeKth: uddannelseshjælp for the
 * under-30s without a vocational or higher education from 2014 (the reform of
 * 1 January 2014), integrationsydelse (spells from 1 September 2015) and from
 * 1 July 2019 selvforsørgelses- og hjemrejseydelse or overgangsydelse for
 * some of the immigrants (stream 6).  Only the label changes: the weeks, the
 * spells, the offers, the employment and the jobsamtaler stay as simulated.
 */
#define CODE_UDD_AKT	2121
#define CODE_UDD_UDD	2131
#define CODE_INTEGR		2141
#define CODE_OVG_AKT	2151
#define CODE_OVG_JOB	2156
#define CODE_SHY		2161
static const struct
{
	int			code;
	const char *gruppe;
	const char *betegnelse;
}			recodeInfo[] = {
	{CODE_UDD_AKT, "uddannelseshjælp aktivitetsparat", "uddannelseshjælp, visiteret aktivitetsparat (under 30 år, fra 2014)"},
	{CODE_UDD_UDD, "uddannelseshjælp uddannelsesparat", "uddannelseshjælp, visiteret uddannelsesparat (jobparat-kategoriens modstykke)"},
	{CODE_INTEGR, "integrationsydelse", "integrationsydelse (1. september 2015 - 30. juni 2019)"},
	{CODE_OVG_AKT, "overgangsydelse aktivitetsparat", "overgangsydelse, visiteret aktivitetsparat (fra 1. juli 2019)"},
	{CODE_OVG_JOB, "overgangsydelse jobparat", "overgangsydelse, visiteret jobparat (fra 1. juli 2019)"},
	{CODE_SHY, "selvforsørgelses- og hjemrejseydelse", "selvforsørgelses- og hjemrejseydelse (fra 1. juli 2019)"},
};

/*
 * Of the immigrants, the share whose kontanthjælp-family spells from 1
 * September 2015 are integrationsydelse (they did not meet the residence
 * rule), by herkomst; and of those of non-western origin, the share on
 * selvforsørgelses- og hjemrejseydelse from 1 July 2019 (in an integration
 * programme) rather than overgangsydelse.
 */
static const double integrShare[4] = {0.0, 0.25, 0.5, 0.0};
#define SHY_SHARE 0.3
static IsoWeek w2014,			/* 2014-W01 */
			w2015sep,			/* the week of 1 September 2015 */
			w2019jul;			/* the week of 1 July 2019 */
#define KTH_MAX_GAP 5			/* STAR: breaks of at most 5 weeks do not end a
								 * kontanthjælp spell */

/* frailty classes */
#define N_KLASSER 3

/*
 * Share of marginal and udsatte persons by region (the rest are ordinary):
 * the levels of Tabel 1 and 3 and seeds/000 afsnit 1 (udsatte borgere).
 */
static const double klasseShare[N_REGIONS][N_KLASSER - 1] = {
	{0.20, 0.10},				/* København */
	{0.20, 0.046},				/* klyngen */
	{0.20, 0.03},				/* ledighedsydelse-klyngen */
	{0.20, 0.045},				/* resten */
};

/* ---------- hazard multipliers: age, year, duration ---------- */

typedef enum AgeProfile
{
	AP_ALL,						/* 1 from 16 */
	AP_ADULT,					/* 1 from 18 */
	AP_SU,						/* students: 18-26 */
	AP_KTH,						/* kontanthjælp: falling with age */
	AP_SYGE,					/* sickness: rising with age */
	AP_FP,						/* førtidspension and fleksjob: rising with age */
	AP_BARSEL,					/* barsel: 20-44 */
	AP_EFTERLOEN,				/* 60 to pension age */
	AP_RESSOURCE,				/* ressourceforløb: mainly 30-59 */
	AP_JOB,						/* finding a job: falling with age */
	N_AGEPROFILES
} AgeProfile;

/* each step holds from its age up to the next step of the same profile; 0 before the first */
static const struct
{
	int8		profile;
	int8		from_age;
	double		mult;
}			ageSteps[] = {
	{AP_ALL, 16, 1.0},
	{AP_ADULT, 18, 1.0},
	{AP_SU, 16, 0.15}, {AP_SU, 18, 1.0}, {AP_SU, 23, 0.6}, {AP_SU, 27, 0.3},
	{AP_SU, 30, 0.08}, {AP_SU, 40, 0.02}, {AP_SU, 50, 0.0},
	{AP_KTH, 18, 1.0}, {AP_KTH, 30, 0.8}, {AP_KTH, 50, 0.6}, {AP_KTH, 60, 0.3},
	{AP_SYGE, 16, 0.6}, {AP_SYGE, 25, 0.9}, {AP_SYGE, 40, 1.1}, {AP_SYGE, 55, 1.4},
	{AP_FP, 18, 0.2}, {AP_FP, 30, 0.5}, {AP_FP, 40, 1.0}, {AP_FP, 50, 1.8}, {AP_FP, 60, 2.2},
	{AP_BARSEL, 20, 0.5}, {AP_BARSEL, 25, 1.0}, {AP_BARSEL, 35, 0.6}, {AP_BARSEL, 40, 0.1},
	{AP_BARSEL, 45, 0.0},
	{AP_EFTERLOEN, 60, 1.0},
	{AP_RESSOURCE, 18, 0.5}, {AP_RESSOURCE, 30, 1.0}, {AP_RESSOURCE, 40, 1.1},
	{AP_RESSOURCE, 60, 0.6},
	{AP_JOB, 16, 1.3}, {AP_JOB, 30, 1.1}, {AP_JOB, 40, 1.0}, {AP_JOB, 50, 0.7},
	{AP_JOB, 60, 0.4},
};

typedef enum YearProfile
{
	YP_FLAT,
	YP_KTH,						/* inflow to kontanthjælp */
	YP_DAGPENGE,				/* inflow to a-dagpenge: the business cycle */
	YP_FP,						/* førtidspension: the 2013 reform */
	YP_LEDY_FP,					/* ... from ledighedsydelse: YP_FP but in København's 2016 */
	YP_RESSOURCE,				/* ressourceforløb: from 2013 */
	YP_EFTERLOEN,				/* efterløn: the 2011 reform */
	YP_FLEKSJOB,				/* ledighedsydelse to fleksjob */
	YP_AKT_EXIT,				/* leaving kontanthjælp (aktivitetsparat) */
	YP_TO_FLEKSJOB,				/* visitation to fleksjob (ledighedsydelse) */
	YP_TO_REVALIDERING,			/* visitation to revalidering */
	YP_SYGE,					/* inflow to sygedagpenge */
	YP_SYGE_EXIT,				/* from sygedagpenge back to self-support */
	YP_JOBPARAT_EXIT,			/* from 30: from kontanthjælp (jobparat) to self-support */
	YP_TO_JOBPARAT,				/* from 30: visitation from aktivitetsparat to jobparat */
	YP_UNG_IND,					/* the young: from self-support to kontanthjælp */
	YP_UNG_SU,					/* the young: from kontanthjælp to SU */
	N_YEARPROFILES
} YearProfile;

/*
 * Each step sets the multiplier of a profile (in one region or ALL) from its
 * year on; later steps override earlier ones.  Multipliers start at 1.
 */
static const struct
{
	int8		profile;
	int8		region;
	int16		from_year;
	double		mult;
}			yearSteps[] = {
	{YP_KTH, ALL, 2009, 1.15},	/* financial crisis */
	/* many new spells in 2012-14, when dagpenge ran out after the 2010 reform */
	{YP_KTH, R_KBH, 2012, 1.30},
	{YP_KTH, R_KLYNGE, 2012, 1.3},
	{YP_KTH, R_LKLYNGE, 2012, 1.3},
	{YP_KTH, R_REST, 2012, 1.3},
	{YP_KTH, R_KBH, 2013, 1.67},
	{YP_KTH, R_KLYNGE, 2013, 1.9},
	{YP_KTH, R_LKLYNGE, 2013, 1.3},
	{YP_KTH, R_REST, 2013, 1.3},
	/*
	 * seeds/003 Tabel 1-2: fewer aktivitetsparate in 2015-16; where many
	 * leave in 2016 (YP_AKT_EXIT), new spells refill part of the stock
	 */
	{YP_KTH, R_KBH, 2015, 0.692},
	{YP_KTH, R_KLYNGE, 2015, 0.3},
	{YP_KTH, R_LKLYNGE, 2015, 0.9},
	{YP_KTH, R_REST, 2015, 0.9},
	{YP_KTH, R_KBH, 2016, 2.4},
	{YP_KTH, R_KLYNGE, 2016, 2.0},
	{YP_KTH, R_LKLYNGE, 2016, 0.8},
	{YP_KTH, R_REST, 2016, 0.8},
	/*
	 * seeds/002: the aktivitetsparate of 2020 (with seeds/004 afsnit 4.4's steps below); the rest's
	 * 0.84 and 0.54 (were 0.7 and 0.45) refill the stock that kthRegionMult's faster end of the
	 * spells of 2013-14 takes away, so Tabel 11's count and shares hold
	 */
	{YP_KTH, R_KBH, 2017, 2.3},
	{YP_KTH, R_KLYNGE, 2017, 0.419},
	{YP_KTH, R_LKLYNGE, 2017, 0.7},
	{YP_KTH, R_REST, 2017, 0.84},
	/*
	 * seeds/002 afsnit 2.2: the 25 kommuner hold 59 % of the country's aktivitetsparate (the
	 * register had 51.7 %): from 2017 the rest of the country has fewer new spells and ends
	 * them twice as often (YP_AKT_EXIT below).  The 25 are unchanged.
	 */
	{YP_KTH, R_REST_OUT, 2017, 0.54},
	{YP_DAGPENGE, ALL, 1981, 1.30},
	{YP_DAGPENGE, ALL, 1995, 1.00},
	{YP_DAGPENGE, ALL, 2000, 0.80},
	{YP_DAGPENGE, ALL, 2006, 0.60},
	{YP_DAGPENGE, ALL, 2009, 1.30},
	{YP_DAGPENGE, ALL, 2011, 1.10},
	{YP_DAGPENGE, ALL, 2014, 0.80},
	{YP_FP, ALL, 2013, 0.30},	/* førtidspension reform 2013 */
	{YP_LEDY_FP, ALL, 2013, 0.30},
	/*
	 * seeds/001 M1's residenceBreak redrew København's 2013-15 histories; these steps of 2016 hold
	 * seeds/003 Tabel 1-2 (its aktivitetsparate and ledige fleksjobvisiterede) and, with
	 * YP_FLEKSJOB's, Tabel 5's ledighedsydelse after the redraw
	 */
	{YP_FP, R_KBH, 2016, 0.28},
	{YP_FP, R_KBH, 2017, 0.30},
	{YP_LEDY_FP, R_KBH, 2016, 0.1},
	{YP_LEDY_FP, R_KBH, 2017, 0.30},
	{YP_RESSOURCE, ALL, 1981, 0.0},	/* ressourceforløb exist from 2013 */
	{YP_RESSOURCE, ALL, 2013, 0.60},
	{YP_RESSOURCE, ALL, 2014, 0.90},
	{YP_RESSOURCE, ALL, 2015, 1.00},
	{YP_RESSOURCE, ALL, 2016, 1.20},
	{YP_RESSOURCE, ALL, 2017, 1.10},
	{YP_RESSOURCE, R_KBH, 2015, 1.30},	/* seeds/003 Tabel 1: 610 -> 1,795 */
	{YP_RESSOURCE, R_KBH, 2016, 0.67},
	{YP_RESSOURCE, R_KBH, 2017, 1.50},
	{YP_EFTERLOEN, ALL, 2012, 0.60},
	{YP_EFTERLOEN, ALL, 2015, 0.40},
	/*
	 * seeds/000 Figur 8: before 2013 København's ledige fleksjobvisiterede find a fleksjob
	 * sooner (3-5 points above the country), those of the ledighedsydelse klynge too but in
	 * 2008-09 (on a level with København in 2009); from 2013 København's ledighed is markedly
	 * higher.  The steps of 2013-15 refill both stocks to the calibrated levels of 2015-16
	 * (seeds/000 Tabel 1 and 3, Figur 7: Solrød's ledighed above København's).
	 */
	{YP_FLEKSJOB, R_KBH, 1981, 1.32},
	{YP_FLEKSJOB, R_KBH, 2008, 1.2},
	{YP_FLEKSJOB, R_KBH, 2013, 0.74},
	{YP_FLEKSJOB, R_KBH, 2015, 1.1},
	{YP_FLEKSJOB, R_LKLYNGE, 1981, 1.3},
	{YP_FLEKSJOB, R_LKLYNGE, 2008, 1.0},
	{YP_FLEKSJOB, R_LKLYNGE, 2010, 1.3},
	{YP_FLEKSJOB, R_LKLYNGE, 2011, 1.5},
	{YP_FLEKSJOB, R_LKLYNGE, 2012, 1.7},
	{YP_FLEKSJOB, R_LKLYNGE, 2013, 1.0},
	{YP_FLEKSJOB, R_LKLYNGE, 2014, 0.55},
	{YP_FLEKSJOB, R_LKLYNGE, 2015, 1.0},
	{YP_FLEKSJOB, R_KBH, 2016, 1.86},	/* seeds/003: 53 % in fleksjob within 26 weeks */
	/* seeds/003 Tabel 1-2: more leave kontanthjælp in 2016 (kontanthjælpsloft, 225-timersregel) */
	{YP_AKT_EXIT, R_KBH, 2016, 7.2},
	{YP_AKT_EXIT, R_KLYNGE, 2016, 2.57},
	{YP_AKT_EXIT, R_LKLYNGE, 2016, 2.6},
	{YP_AKT_EXIT, R_REST, 2016, 2.6},
	/* seeds/002: and from 2017 so many that fewer are langvarige by 2020 */
	{YP_AKT_EXIT, R_KBH, 2017, 4.15},
	{YP_AKT_EXIT, R_KLYNGE, 2017, 0.5},
	{YP_AKT_EXIT, R_LKLYNGE, 2017, 0.5},
	{YP_AKT_EXIT, R_REST, 2017, 0.5},
	{YP_AKT_EXIT, R_REST_OUT, 2017, 1.0},	/* afsnit 2.2, see YP_KTH */
	/* seeds/003 Tabel 1: København visitates fewer to fleksjob and revalidering in 2015-16 */
	{YP_TO_FLEKSJOB, R_KBH, 2015, 0.3},
	{YP_TO_REVALIDERING, R_KBH, 2016, 0.32},
	/*
	 * seeds/004 (2. kvartal 2017): København's helårspersoner on a-dagpenge (13,000) and
	 * sygedagpenge (6,550, 52 % of the spells over 22 weeks, the klynge's spells longer: "nummer
	 * 2 ud af 6").  From 2017 only: the calibrated figures of 2015-16 do not see them.
	 */
	{YP_DAGPENGE, R_KBH, 2017, 2.05},
	{YP_SYGE, R_KBH, 2017, 0.67},
	{YP_SYGE_EXIT, R_KBH, 2017, 1.35},
	{YP_SYGE_EXIT, R_KLYNGE, 2017, 0.7},
	{YP_SYGE, R_KLYNGE, 2017, 0.55},
	/* and the country's 2.2 % of the population (the rest of the country more often ill) */
	{YP_SYGE, R_LKLYNGE, 2017, 1.24},
	{YP_SYGE, R_REST, 2017, 1.24},
	/*
	 * seeds/004 afsnit 4.5: København's 3,300 helårspersoner on uddannelseshjælp in 2017 Q2,
	 * 72 % of them aktivitetsparate.  After the reform of 2014 few of its under-25s start on
	 * the kontanthjælp family and many more of those on it go to education: the register's
	 * young stay long, so the stock of 2017 needs both.  From 2015: the steps of 2015 and
	 * the age of 25 end segments already (ageBreak, yearBreak), so no other person's draws
	 * change, and the 25-29-year-olds of 2015 carry the langvarige of 2020 (seeds/002).
	 */
	{YP_UNG_IND, R_KBH, 2015, 0.05},
	{YP_UNG_SU, R_KBH, 2015, 12},
	/*
	 * seeds/004 afsnit 4.4: København's 3,060 helårspersoner on kontanthjælp as jobparat (aged
	 * 30 or more; the register had 5,063, most of them in spells of five years or more).  From
	 * 2017 they leave for self-support 6.2 times as often and its aktivitetsparate are visited
	 * jobparat 0.3 times as often; the inflow to kontanthjælp (YP_KTH above, 2.3 from 2017)
	 * refills the aktivitetsparate of 2020 that they would have become (Tabel 11).
	 */
	{YP_JOBPARAT_EXIT, R_KBH, 2017, 6.2},
	{YP_TO_JOBPARAT, R_KBH, 2017, 0.3},
};

/*
 * Year profiles that multiply a flow at ages [from_age, to_age) only
 * (seeds/004's groups are age groups).  Segments end at those ages and at
 * the profiles' years already in every state these flows leave, so the
 * profiles change no other person's draws.
 */
typedef struct AgeBandFlow
{
	int8		from;
	int8		to;
	int8		profile;		/* YearProfile */
	int8		from_age;
	int8		to_age;
} AgeBandFlow;

static const AgeBandFlow ageBandFlows[] = {
	/* afsnit 4.5: the under-25s, first spells and returns, and leaving for education */
	{ST_SELV, ST_AKT, YP_UNG_IND, 0, 25},
	{ST_SELV, ST_JOBPARAT, YP_UNG_IND, 0, 25},
	{ST_EFTER_KTH, ST_AKT, YP_UNG_IND, 0, 25},
	{ST_EFTER_KTH, ST_JOBPARAT, YP_UNG_IND, 0, 25},
	{ST_AKT, ST_SU, YP_UNG_SU, 0, 25},
	{ST_JOBPARAT, ST_SU, YP_UNG_SU, 0, 25},
	/* afsnit 4.4: the jobparate aged 30 or more */
	{ST_JOBPARAT, ST_EFTER_KTH, YP_JOBPARAT_EXIT, 30, MAX_PROFILE_AGE + 1},
	{ST_AKT, ST_JOBPARAT, YP_TO_JOBPARAT, 30, MAX_PROFILE_AGE + 1},
};

typedef enum DurProfile
{
	DP_NONE,
	DP_KTH,						/* leaving kontanthjælp (aktivitetsparat) by spell age */
	DP_VISITATION,				/* from aktivitetsparat to fleksjob or revalidering */
	DP_LEDIGHED,				/* from ledighedsydelse to fleksjob */
	DP_JOBPARAT,				/* leaving kontanthjælp (jobparat) by spell age */
	DP_RETURN,					/* back to kontanthjælp after leaving it */
	DP_EXHAUST,					/* a-dagpenge run out after two years */
	DP_SYGE,					/* sygedagpenge: most spells are short */
	DP_SU,						/* SU: most studies last 3-5 years */
	DP_PAUSE,					/* breaks in kontanthjælp by spell age */
	N_DURPROFILES
} DurProfile;

#define MAX_DUR_BANDS 8

/*
 * Duration profiles: bands of weeks in the state (for kontanthjælp: in the
 * spell), with a multiplier per band and region.
 */
static const struct
{
	int			nedges;
	int			edges[MAX_DUR_BANDS - 1];
	double		mult[N_REGIONS][MAX_DUR_BANDS];
	int8		year;			/* a calendar profile on top of the flows' own */
}			durProfiles[N_DURPROFILES] = {
	[DP_NONE] = {0, {0}, {{1}, {1}, {1}, {1}}, YP_FLAT},

	/*
	 * Spell age bands 0-15, 16-51, 52-103, 104-155, 156-259, 260-519,
	 * 520-779, 780+ weeks.  Bands 1-2 set Figur 3 (new spells: 81/76/77 %
	 * still on at 52 weeks, København flat after week 17), bands 3-4 with
	 * the breaks (DP_PAUSE) Figur 2 (56/52 % over 2 years, 41/39 % over 3),
	 * bands 5-7 seeds/002 (langvarige 2020: 46 % of the aktivitetsparate, 40 %
	 * over 10 years, mean 10.4 years).  YP_AKT_EXIT adds the years: more leave
	 * from 2016 (seeds/002, seeds/003 Tabel 1).
	 */
	[DP_KTH] = {7, {16, 52, 104, 156, 260, 520, 780}, {
			{2.0, 9.96, 0.586, 0.586, 0.586, 4.17, 2.37, 2.37},	/* København */
			{2.0, 9.5, 2.45, 0.5, 0.814, 4.59, 8.33, 7.3},	/* klyngen */
			{2.0, 8.7, 2.45, 2.45, 2.45, 6.5, 3.3, 5.5},	/* ledighedsydelse-klyngen */
			{2.0, 8.7, 2.45, 2.45, 2.45, 6.5, 3.3, 5.5},	/* resten */
	}, YP_AKT_EXIT},
	/* visitation to fleksjob or revalidering comes after a year or more */
	[DP_VISITATION] = {2, {52, 156}, {
			{0.3, 1.0, 1.0}, {0.3, 1.0, 1.0}, {0.3, 1.0, 1.0}, {0.3, 1.0, 1.0},
	}, YP_FLAT},
	/* most find a fleksjob within half a year; some stay for years */
	[DP_LEDIGHED] = {3, {13, 26, 52}, {
			{1.6, 1.0, 0.5, 0.25}, {1.6, 1.0, 0.5, 0.25}, {1.6, 1.0, 0.5, 0.25}, {1.6, 1.0, 0.5, 0.25},
	}, YP_FLAT},
	[DP_JOBPARAT] = {3, {13, 52, 104}, {
			{1.5, 1.0, 0.6, 0.4}, {1.5, 1.0, 0.6, 0.4}, {1.5, 1.0, 0.6, 0.4}, {1.5, 1.0, 0.6, 0.4},
	}, YP_FLAT},
	[DP_RETURN] = {4, {6, 26, 52, 104}, {
			{0.3, 1.0, 0.5, 0.15, 0}, {0.3, 1.0, 0.5, 0.15, 0},
			{0.3, 1.0, 0.5, 0.15, 0}, {0.3, 1.0, 0.5, 0.15, 0},
	}, YP_FLAT},
	[DP_EXHAUST] = {1, {104}, {{0, 1}, {0, 1}, {0, 1}, {0, 1}}, YP_FLAT},
	[DP_SYGE] = {3, {8, 26, 52}, {
			{1.5, 0.7, 0.4, 0.6}, {1.5, 0.7, 0.4, 0.6}, {1.5, 0.7, 0.4, 0.6}, {1.5, 0.7, 0.4, 0.6},
	}, YP_SYGE_EXIT},
	[DP_SU] = {2, {104, 208}, {{0.2, 0.6, 1.0}, {0.2, 0.6, 1.0}, {0.2, 0.6, 1.0}, {0.2, 0.6, 1.0}}, YP_FLAT},

	/*
	 * Outside København breaks come mostly in the first year of a spell
	 * (short jobs tried and lost) and long-term recipients rarely have one:
	 * with Jobindsats' rule (a break ends the spell) this gives the klynge's
	 * 52 % over 2 years and 39 % over 3 (Figur 2) and the country's shorter
	 * spells.  København's breaks do not depend on the spell's age.
	 */
	[DP_PAUSE] = {2, {52, 156}, {
			{1, 1, 1}, {2.5, 1.0, 0.5}, {2.5, 1.0, 0.5}, {2.5, 1.0, 0.5},
	}, YP_FLAT},
};

/*
 * seeds/002 Tabel 12: the longer the spell, the more of the langvarige of
 * 2020 are women (47 / 51 / 59 % at 5-7 / 7-10 / 10+ years).  From 2017 men
 * leave a kontanthjælp spell of ten years or more faster than women, by
 * sex (men, women) and DP_KTH band; women's spells of two to five years end
 * more often and those of five to ten less (Tabel 1's anciennitet groups,
 * kthRegionMult).  Not before 2017: the calibrated stocks
 * of 2015-16 need those spells as they are, and with the rule starting in
 * 2017 every draw before it is unchanged.  Women's slower exits alone would
 * raise København's langvarige; its YP_AKT_EXIT of 2017 holds Tabel 11.
 */
#define KTH_SEX_FROM 2017
/* and only from 30 (seeds/002's langvarige; the young of seeds/004 afsnit 4.5 keep the bands) */
#define KTH_FROM_AGE 30
static const double kthSexMult[2][MAX_DUR_BANDS] = {
	{1, 1, 1, 1, 1, 1, 1.4, 1.4},
	{1, 1, 1, 1.3, 1.3, 0.9, 0.565, 0.565},
};

/*
 * seeds/002 Tabel 1: the langvarige of 2020 are older than the histories
 * alone make them (30-39 / 40-49 / 50-59 / 60+ years: women 24 / 36 / 31 / 9
 * %, men 24 / 30 / 35 / 11; the register had 38 / 35 / 21 / 6 in all).  From
 * 2017 aktivitetsparate in their thirties (men in their forties too) are
 * visited jobparat and sent to ressourceforløb more often, those over 50
 * seldom get førtidspension or a visitation as jobparat, and outside
 * København jobparate over 40 are visited aktivitetsparat more often (their
 * anciennitet on the kontanthjælp family goes with them).  Spells of ten
 * years or more end more often (kthRegionMult), which holds Tabel 11's
 * anciennitet.  Like kthSexMult from 2017 only, at ages where segments
 * already end, so every draw before 2017 is unchanged.  The table also
 * holds København's inflow to a-dagpenge by age from 2017 (seeds/004).
 */
typedef struct AgeShift
{
	int8		from;
	int8		to;
	int8		from_age;		/* [from_age, to_age) */
	int8		to_age;
	int8		sex;			/* 0 men, 1 women, ALL */
	int8		regions;		/* bit set of the regions it holds in */
	double		mult;
} AgeShift;

/* not in København's 2015 klynge (seeds/004 afsnit 4.7 ranks København in it in 2017) */
#define SH_ALL ((1 << R_KBH) | (1 << R_LKLYNGE) | (1 << R_REST))
#define SH_NOT_KBH ((1 << R_LKLYNGE) | (1 << R_REST))

static const AgeShift ageShifts[] = {
	{ST_AKT, ST_FOERTID, 0, 50, ALL, SH_ALL, 0.5},
	{ST_AKT, ST_FOERTID, 50, MAX_PROFILE_AGE + 1, ALL, SH_ALL, 0.05},
	{ST_AKT, ST_JOBPARAT, 30, 40, ALL, SH_ALL, 2.5},
	{ST_AKT, ST_JOBPARAT, 40, 50, 0, SH_ALL, 2.0},
	{ST_AKT, ST_JOBPARAT, 50, 60, ALL, SH_ALL, 0.3},
	{ST_AKT, ST_JOBPARAT, 60, MAX_PROFILE_AGE + 1, ALL, SH_ALL, 0.6},
	{ST_AKT, ST_RESSOURCE, 30, 40, ALL, SH_ALL, 2.5},
	{ST_JOBPARAT, ST_AKT, 40, 50, ALL, SH_NOT_KBH, 1.5},
	{ST_JOBPARAT, ST_AKT, 50, 60, 0, SH_NOT_KBH, 6.5},
	{ST_JOBPARAT, ST_AKT, 50, 60, 1, SH_NOT_KBH, 3.5},
	{ST_JOBPARAT, ST_AKT, 60, MAX_PROFILE_AGE + 1, ALL, SH_NOT_KBH, 2.0},
	/* seeds/004 afsnit 4.3: 16 % of København's dagpengemodtagere of 2017 are over 50 (was 23 %) */
	{ST_SELV, ST_DAGPENGE, 0, 50, ALL, 1 << R_KBH, 1.12},
	{ST_SELV, ST_DAGPENGE, 50, MAX_PROFILE_AGE + 1, ALL, 1 << R_KBH, 0.5},
};

/*
 * From 2017, by region and DP_KTH band (København's Tabel 11 figures hold with its own; not in its
 * klynge).  seeds/002 Tabel 1's anciennitet groups (men 33 / 33 / 35 %, women 26 / 30 / 44 % at
 * 5-7 / 7-10 / 10+ years; the register had 38 / 28 / 34 and 31 / 24 / 44): the spells started in
 * the many new spells of 2013-14 end more often in their third to fifth year (bands 3-4), those
 * of five to ten years less often, so fewer of the langvarige of 2020 are in their sixth or
 * seventh year; spells of ten years or more end more often, which holds the mean anciennitet.
 */
static const double kthRegionMult[N_REGIONS][MAX_DUR_BANDS] = {
	{0.92, 0.92, 0.92, 2.0, 2.0, 0.82, 0.88, 1.95},
	{1, 1, 1, 1, 1, 1, 1, 1},
	{1, 1, 1, 4.0, 4.0, 0.6, 1.27, 2.2},
	{1, 1, 1, 4.0, 4.0, 0.6, 1.27, 2.2},
};

/*
 * seeds/001 M1: of København's aktivitetsparate over 30 of 2013-14 living in
 * an udsat boligområde, 17,4 % (the six outreach areas) and 17,8 % (their
 * matched twins) had a week without a benefit within 52 weeks; the model's
 * breaks gave 18,7 and 20,6 % (measured on the pools).  So in 2013-2015 the
 * areas' residents break off kontanthjælp (ST_AKT to ST_PAUSE) less often, by
 * residence (RES_*), and the rest of København more often, which holds the
 * anciennitet of seeds/000 Figur 2 (2015-W10).  The years end segments
 * already (checked), so only København's draws move.
 */
static const double residenceBreak[4] = {1.0, 1.08, 0.85, 0.9};

/* ---------- flows between states ---------- */

typedef struct Flow
{
	int8		from;
	int8		to;
	double		rate;			/* per year, before the multipliers */
	int8		age;			/* AgeProfile */
	double		klasse[N_KLASSER];	/* ordinary, marginal, udsat */
	double		region[N_REGIONS];	/* København, klyngen, ly-klyngen, resten */
	int8		year;			/* YearProfile */
	int8		dur;			/* DurProfile */
} Flow;

#define FLAT3 {1, 1, 1}
#define FLAT4 {1, 1, 1, 1}

/*
 * Flows from ST_SELV apply to ST_EFTER_KTH as well, which adds the returns to
 * kontanthjælp.  ST_PAUSE, ST_FOERTID, ST_EFTERLOEN and ST_FOLKEPENSION have
 * no flows: a pause returns after its length, the others last until pension
 * age, when everyone moves to folkepension.
 */
static const Flow flows[] = {
	/* from        to                   rate   age            klasse            region                   year          dur */
	/* self-supported */
	{ST_SELV, ST_SU, 0.30, AP_SU, {1.0, 0.7, 0.4}, FLAT4, YP_FLAT, DP_NONE},
	{ST_SELV, ST_DAGPENGE, 0.045, AP_ADULT, {1.0, 2.5, 1.5}, FLAT4, YP_DAGPENGE, DP_NONE},
	{ST_SELV, ST_SYGE, 0.06, AP_SYGE, {1.0, 2.0, 3.0}, FLAT4, YP_SYGE, DP_NONE},
	{ST_SELV, ST_ANDET, 0.05, AP_BARSEL, FLAT3, FLAT4, YP_FLAT, DP_NONE},
	{ST_SELV, ST_EFTERLOEN, 0.12, AP_EFTERLOEN, {1.0, 1.3, 0.5}, FLAT4, YP_EFTERLOEN, DP_NONE},
	/* Tabel 1 and 3, seeds/003 Tabel 1-2: the level of aktivitetsparate */
	{ST_SELV, ST_AKT, 0.0005, AP_KTH, {1, 20, 600}, {0.122, 2.25, 1.32, 1.22}, YP_KTH, DP_NONE},
	{ST_SELV, ST_JOBPARAT, 0.002, AP_KTH, {1, 15, 60}, FLAT4, YP_KTH, DP_NONE},
	{ST_SELV, ST_REVALIDERING, 0.0002, AP_ADULT, {1, 5, 20}, FLAT4, YP_TO_REVALIDERING, DP_NONE},
	{ST_SELV, ST_FOERTID, 0.0003, AP_FP, {0.2, 3, 30}, FLAT4, YP_FP, DP_NONE},
	/* Figur 4-5: the revolving door back to kontanthjælp */
	{ST_EFTER_KTH, ST_AKT, 0.8, AP_KTH, {0.05, 0.3, 1.0}, {1.0, 1.0, 1.0, 1.0}, YP_FLAT, DP_RETURN},
	{ST_EFTER_KTH, ST_JOBPARAT, 0.3, AP_KTH, {0.3, 0.6, 0.5}, FLAT4, YP_FLAT, DP_RETURN},

	/* kontanthjælp, aktivitetsparat: Figur 2-5 through DP_KTH and the destinations */
	{ST_AKT, ST_EFTER_KTH, 0.10, AP_JOB, {1, 1, 0.6}, {0.00258, 0.0001, 0.0001, 0.0001}, YP_FLAT, DP_KTH},
	/* Figur 2 (Jobindsats' spells end at a break) and Figur 4-5 (a break counts as self-supported) */
	{ST_AKT, ST_PAUSE, 0.30, AP_ALL, FLAT3, {0.722, 0.7, 1.0, 1.0}, YP_FLAT, DP_PAUSE},
	{ST_AKT, ST_JOBPARAT, 0.06, AP_ALL, {2, 1, 0.5}, {1.0, 1.83, 1.83, 1.83}, YP_FLAT, DP_NONE},
	{ST_AKT, ST_LEDIGHEDSYDELSE, 0.012, AP_FP, {0, 0.5, 1}, {0.793, 1.33, 1.25, 2.0}, YP_TO_FLEKSJOB, DP_VISITATION},
	{ST_AKT, ST_RESSOURCE, 0.05, AP_RESSOURCE, FLAT3, {0.209, 0.42, 0.43, 0.43}, YP_RESSOURCE, DP_KTH},
	{ST_AKT, ST_REVALIDERING, 0.01, AP_ADULT, FLAT3, {0.34, 1.01, 1.01, 1.01}, YP_TO_REVALIDERING, DP_VISITATION},
	{ST_AKT, ST_FOERTID, 0.03, AP_FP, FLAT3, FLAT4, YP_FP, DP_KTH},
	{ST_AKT, ST_SU, 0.01, AP_SU, FLAT3, FLAT4, YP_FLAT, DP_KTH},
	{ST_AKT, ST_ANDET, 0.02, AP_BARSEL, FLAT3, FLAT4, YP_FLAT, DP_KTH},

	/* kontanthjælp, jobparat */
	{ST_JOBPARAT, ST_EFTER_KTH, 0.7, AP_JOB, {1, 0.7, 0.4}, FLAT4, YP_FLAT, DP_JOBPARAT},
	{ST_JOBPARAT, ST_PAUSE, 0.2, AP_ALL, FLAT3, FLAT4, YP_FLAT, DP_NONE},
	{ST_JOBPARAT, ST_AKT, 0.12, AP_ALL, {0.3, 1, 3}, {1.22, 0.97, 0.943, 0.943}, YP_KTH, DP_NONE},
	{ST_JOBPARAT, ST_SU, 0.05, AP_SU, FLAT3, FLAT4, YP_FLAT, DP_NONE},
	{ST_JOBPARAT, ST_SYGE, 0.03, AP_SYGE, FLAT3, FLAT4, YP_FLAT, DP_NONE},
	{ST_JOBPARAT, ST_ANDET, 0.03, AP_BARSEL, FLAT3, FLAT4, YP_FLAT, DP_NONE},

	/* a-dagpenge: most find work; after two years the rest run out */
	{ST_DAGPENGE, ST_SELV, 2.2, AP_JOB, {1, 0.6, 0.4}, FLAT4, YP_FLAT, DP_NONE},
	{ST_DAGPENGE, ST_JOBPARAT, 15, AP_ALL, {0.5, 1, 2}, FLAT4, YP_FLAT, DP_EXHAUST},
	{ST_DAGPENGE, ST_SELV, 35, AP_ALL, FLAT3, FLAT4, YP_FLAT, DP_EXHAUST},
	{ST_DAGPENGE, ST_SYGE, 0.1, AP_SYGE, FLAT3, FLAT4, YP_FLAT, DP_NONE},
	{ST_DAGPENGE, ST_ANDET, 0.05, AP_BARSEL, FLAT3, FLAT4, YP_FLAT, DP_NONE},
	{ST_DAGPENGE, ST_EFTERLOEN, 0.5, AP_EFTERLOEN, FLAT3, FLAT4, YP_EFTERLOEN, DP_NONE},

	/* sygedagpenge: the way into fleksjob, ressourceforløb and revalidering */
	{ST_SYGE, ST_SELV, 3.0, AP_ALL, {1, 0.8, 0.5}, FLAT4, YP_FLAT, DP_SYGE},
	{ST_SYGE, ST_AKT, 0.08, AP_KTH, {0.1, 1, 3}, {1.22, 0.97, 0.943, 0.943}, YP_KTH, DP_NONE},
	{ST_SYGE, ST_JOBPARAT, 0.10, AP_KTH, {0.3, 1, 2}, FLAT4, YP_FLAT, DP_NONE},
	{ST_SYGE, ST_LEDIGHEDSYDELSE, 0.05, AP_FP, {0.3, 1, 2}, {0.793, 1.33, 1.25, 2.0}, YP_TO_FLEKSJOB, DP_NONE},
	{ST_SYGE, ST_RESSOURCE, 0.06, AP_RESSOURCE, FLAT3, {0.209, 0.42, 0.37, 0.37}, YP_RESSOURCE, DP_NONE},
	{ST_SYGE, ST_REVALIDERING, 0.05, AP_ADULT, FLAT3, {0.34, 1.01, 1.01, 1.01}, YP_TO_REVALIDERING, DP_NONE},
	{ST_SYGE, ST_FOERTID, 0.05, AP_FP, {0.3, 1, 2}, FLAT4, YP_FP, DP_NONE},

	/* fleksjob and ledighedsydelse: Tabel 1 and 3 (fleksjobvisiterede, ledige) */
	{ST_FLEKSJOB, ST_LEDIGHEDSYDELSE, 0.12, AP_ALL, FLAT3, {1.0, 1.0, 1.0, 1.0}, YP_FLAT, DP_NONE},
	{ST_FLEKSJOB, ST_FOERTID, 0.01, AP_FP, FLAT3, FLAT4, YP_FLAT, DP_NONE},
	{ST_FLEKSJOB, ST_EFTERLOEN, 0.3, AP_EFTERLOEN, FLAT3, FLAT4, YP_EFTERLOEN, DP_NONE},
	{ST_LEDIGHEDSYDELSE, ST_FLEKSJOB, 1.6, AP_JOB, FLAT3, {0.613, 1.0, 0.724, 1.0}, YP_FLEKSJOB, DP_LEDIGHED},
	/* København 1.2: with Figur 8's faster way to fleksjob its fleksjobvisiterede stay at Tabel 1's */
	{ST_LEDIGHEDSYDELSE, ST_FOERTID, 0.08, AP_FP, FLAT3, {1.2, 1.0, 1.0, 1.0}, YP_LEDY_FP, DP_NONE},
	{ST_LEDIGHEDSYDELSE, ST_EFTERLOEN, 0.2, AP_EFTERLOEN, FLAT3, FLAT4, YP_EFTERLOEN, DP_NONE},
	{ST_LEDIGHEDSYDELSE, ST_RESSOURCE, 0.03, AP_RESSOURCE, FLAT3, FLAT4, YP_RESSOURCE, DP_NONE},

	/* ressourceforløb: one to five years */
	{ST_RESSOURCE, ST_AKT, 0.15, AP_ALL, FLAT3, FLAT4, YP_FLAT, DP_NONE},
	{ST_RESSOURCE, ST_LEDIGHEDSYDELSE, 0.12, AP_ALL, FLAT3, FLAT4, YP_TO_FLEKSJOB, DP_NONE},
	{ST_RESSOURCE, ST_FOERTID, 0.12, AP_FP, FLAT3, FLAT4, YP_FLAT, DP_NONE},
	{ST_RESSOURCE, ST_SELV, 0.06, AP_ALL, FLAT3, FLAT4, YP_FLAT, DP_NONE},
	{ST_RESSOURCE, ST_REVALIDERING, 0.02, AP_ALL, FLAT3, FLAT4, YP_FLAT, DP_NONE},

	/* revalidering: about two years, mostly education */
	{ST_REVALIDERING, ST_SELV, 0.45, AP_ALL, FLAT3, FLAT4, YP_FLAT, DP_NONE},
	{ST_REVALIDERING, ST_AKT, 0.06, AP_ALL, FLAT3, FLAT4, YP_FLAT, DP_NONE},
	{ST_REVALIDERING, ST_LEDIGHEDSYDELSE, 0.05, AP_ALL, FLAT3, FLAT4, YP_FLAT, DP_NONE},

	/* SU, barsel and the like */
	{ST_SU, ST_SELV, 1.0, AP_ALL, FLAT3, FLAT4, YP_FLAT, DP_SU},
	{ST_SU, ST_JOBPARAT, 0.03, AP_ALL, {0.5, 1, 3}, FLAT4, YP_FLAT, DP_NONE},
	{ST_SU, ST_DAGPENGE, 0.05, AP_ALL, FLAT3, FLAT4, YP_FLAT, DP_NONE},
	{ST_ANDET, ST_SELV, 1.3, AP_ALL, FLAT3, FLAT4, YP_FLAT, DP_NONE},
};

#define N_FLOWS lengthof(flows)

/* ---------- activation offers ---------- */

typedef enum Tilbud
{
	TB_PRAKTIK,
	TB_LOEN_PRIVAT,
	TB_LOEN_OFFENTLIG,
	TB_NYTTE,
	TB_JOBROTATION,
	TB_VEJLEDNING,
	TB_UDDANNELSE,
	N_TILBUD
} Tilbud;

static const struct
{
	const char *key;
	const char *betegnelse;
	bool		virksomhedsrettet;
	double		weeks;			/* mean length */
}			tilbudInfo[N_TILBUD] = {
	{"virksomhedspraktik", "virksomhedspraktik", true, 8},
	{"loentilskud_privat", "løntilskud, privat arbejdsgiver", true, 20},
	{"loentilskud_offentlig", "løntilskud, offentlig arbejdsgiver", true, 20},
	{"nytteindsats", "nytteindsats", false, 13},
	{"jobrotation", "jobrotation (vikar)", true, 26},
	{"vejledning_opkvalificering", "vejledning og opkvalificering", false, 8},
	{"ordinaer_uddannelse", "ordinær uddannelse", false, 16},
};

/* how virksomhedsrettede hours divide between praktik and løntilskud */
static const double virkSplit[3] = {0.80, 0.08, 0.12};

#define PERIOD_A 0				/* offers starting before 2015-07-01 */
#define PERIOD_B 1				/* offers starting 2015-07-01 or later */
#define PERIOD_C 2				/* offers starting 2017-01-01 or later */

/*
 * Activation by state and region.  While on the benefit and without an offer,
 * a person starts one with weekly probability `start'; its type is drawn so
 * that the types get the given shares of the activation hours; hours per week
 * are uniform on [hours/2, 3*hours/2], independently of the type, so shares of
 * hours and of weeks agree, and at most FULL_WEEK_HOURS: aktiveringsgrad
 * divides by 37 hours a week on the benefit, so no week holds more.  (For
 * revalidering, near full time, `hours' is therefore above the mean.)  A
 * row holds from its period on (ALL: from the first), and the last matching
 * row wins.  The weekly start probability is the one of the week the wait
 * begins in.
 *
 * From period C (seeds/002's review window, March 2018 - February 2020) the
 * aktivitetsparate are of three kinds (stream 12): a share `long_share' of
 * the persons are in long courses, their offers `long_mult' times as long
 * and the next one starting sooner (start probability times `long_start'); a
 * share `rare_share' are seldom offered one (start probability times
 * `rare_mult'); the rest as the row says.  That spreads the weeks in offers
 * as Figur 35, 47 and 51 show them (29 % of the langvarige more than a year
 * in offers of two years, 7 % more than a year in virksomhedsplacering, 16 %
 * in none).  Their virksomhedsrettede offers are `virk_longer' longer than
 * the others (the type draw divides by the longer length, so `virk' stays a
 * share of hours): placements of a few weeks are fewer, as Figur 51's bands
 * (63 / 14 / 15 / 7 % with 0-13, 14-26, 27-52, over 52 weeks) have them beside
 * Figur 36's 40 % of the offer weeks.
 */
#define FULL_WEEK_HOURS 37.0
typedef struct Activation
{
	int8		state;
	int8		region;
	int8		period;
	double		start;
	double		hours;
	double		virk;			/* share of hours in virksomhedsrettede tilbud */
	double		uddannelse;		/* ... in ordinær uddannelse */
	double		nytte;			/* ... in nytteindsats */
	double		jobrotation;	/* ... in jobrotation; the rest is vejledning */
	double		length;			/* offer lengths relative to tilbudInfo's */
	double		long_share;		/* share of persons in long courses */
	double		long_mult;		/* ... their offers' length multiplier */
	double		long_start;		/* ... and their start probability's */
	double		rare_share;		/* share of persons seldom offered one */
	double		rare_mult;		/* ... and their start probability's multiplier */
	double		virk_longer;	/* virksomhedsrettede offers this much longer (0.5: half again) */
} Activation;

static const Activation activation[] = {
	/* state          region    period    start  hours  virk  udd   nytte jobrot length */
	/* Figur 9, Tabel 5-6 and Figur 10 (2014 Q2 - 2015 Q1), seeds/003 Tabel 3 (period B) */
	{ST_AKT, ALL, ALL, 0.0189, 22, 0.329, 0.14, 0, 0, 2.81},
	{ST_AKT, R_KBH, ALL, 0.0131, 15, 0.311, 0.17, 0, 0, 2.59},
	/* shorter placements, so that more start (seeds/001 note 3: 2 % of the aktivitetsparate a month in 2016-17) */
	{ST_AKT, R_KBH, PERIOD_B, 0.0131, 15, 0.343, 0.17, 0, 0, 2.59, 0, 0, 0, 0, 0, -0.42},
	{ST_AKT, R_KLYNGE, ALL, 0.0145, 20, 0.49, 0.12, 0, 0, 2.5},
	{ST_AKT, R_KLYNGE, PERIOD_B, 0.0145, 20, 0.33, 0.12, 0, 0, 2.5},
	/* seeds/002 Figur 35, 36, 49 and 51 (the langvarige of the 25 kommuner, 2018-2020) */
	{ST_AKT, ALL, PERIOD_C, 0.0199, 20, 0.405, 0.06, 0, 0, 1.78, 0.30, 2.7, 3.3, 0.18, 0.1, 0.45},
	{ST_JOBPARAT, ALL, ALL, 0.04, 25, 0.45, 0.05, 0.15, 0, 1.0},
	{ST_DAGPENGE, ALL, ALL, 0.02, 30, 0.40, 0.20, 0.03, 0.05, 1.0},
	{ST_LEDIGHEDSYDELSE, ALL, ALL, 0.0569, 14, 0.438, 0.02, 0, 0, 1.0},
	{ST_LEDIGHEDSYDELSE, R_KBH, ALL, 0.0548, 12, 0.275, 0.02, 0, 0, 1.0},
	{ST_LEDIGHEDSYDELSE, R_KBH, PERIOD_B, 0.0548, 12, 0.33, 0.02, 0, 0, 1.0},
	{ST_LEDIGHEDSYDELSE, R_LKLYNGE, ALL, 0.0768, 15, 0.315, 0.02, 0, 0, 1.0},
	{ST_RESSOURCE, ALL, ALL, 0.0424, 14, 0.345, 0.05, 0, 0, 1.0},
	{ST_RESSOURCE, R_KBH, ALL, 0.0291, 10, 0.125, 0.05, 0, 0, 1.0},
	{ST_RESSOURCE, R_KBH, PERIOD_B, 0.0291, 10, 0.16, 0.05, 0, 0, 1.0},
	{ST_RESSOURCE, R_KLYNGE, ALL, 0.0324, 12, 0.295, 0.05, 0, 0, 1.0},
	{ST_REVALIDERING, ALL, ALL, 0.5, 37.1, 0.237, 0.70, 0, 0, 1.0},
	{ST_REVALIDERING, R_KBH, ALL, 0.5, 43.0, 0.234, 0.70, 0, 0, 1.0},
	{ST_REVALIDERING, R_KBH, PERIOD_B, 0.5, 43.0, 0.266, 0.67, 0, 0, 1.0},
	{ST_REVALIDERING, R_KLYNGE, ALL, 0.5, 34.6, 0.14, 0.80, 0, 0, 1.0},
};

/* ---------- tables expanded once per backend ---------- */

static bool tables_ready = false;
static double ageMult[N_AGEPROFILES][MAX_PROFILE_AGE + 1];
static double yearMult[N_YEARPROFILES][N_YEAR_REGIONS][N_YEARS];
static int	flowsFrom[N_STATES][N_FLOWS];
static int8 flowBand[N_FLOWS];	/* row of ageBandFlows, or -1 */
static int8 flowShift[N_FLOWS];	/* row of ageShiftMult, or -1 */
static int	nShiftFlows;
/* the ageShifts by flow (at most one per row), sex, age and region */
static double ageShiftMult[lengthof(ageShifts)][2][MAX_PROFILE_AGE + 1][N_REGIONS];
static int8 kommuneYRegion[N_KOMMUNER];	/* region of the year profiles */
static int	nFlowsFrom[N_STATES];
/* weekly base hazard of each flow by frailty class and region */
static double flowBase[N_FLOWS][N_KLASSER][N_REGIONS];
/* ages and years at which some hazard out of a state changes: segment ends */
static bool ageBreak[N_STATES][MAX_PROFILE_AGE + 2];
static bool yearBreak[N_STATES][N_YEAR_REGIONS][N_YEARS + 1];
static double birthCum[2][N_BIRTH_YEARS];	/* cumulative birth-year weights */
static int32 universe[N_KOMMUNER];	/* persons at scale 1 */
static int	kommuneOrder[N_KOMMUNER];	/* indexes by kommunekode, so pnr ascends */

/* whether the year starts a new segment of `state' in every region (so a step there moves no earlier draw) */
static bool
YearEndsSegments(int state, int year)
{
	for (int r = 0; r < N_YEAR_REGIONS; r++)
		if (!yearBreak[state][r][year - FIRST_SIM_YEAR])
			return false;
	return true;
}

static void
PrepareTables(void)
{
	double		w16_66[2] = {0, 0};

	if (tables_ready)
		return;

	burnin_week = WeekOf(FIRST_SIM_YEAR, 27);
	first_dream_week = WeekOf(1991, 27);
	last_week = WeekOf(LAST_SIM_YEAR, 52);
	default_first = WeekOf(2008, 1);
	for (int y = 0; y <= N_YEARS; y++)
		year_start[y] = WeekOf(FIRST_SIM_YEAR + y, 1);
	period_b_start = DateOf(2015, 7, 1);
	period_c_start = DateOf(2017, 1, 1);
	residence_virk_from = DateOf(RESIDENCE_FROM, 1, 1);
	residence_virk_2016 = DateOf(RESIDENCE_TO + 1, 1, 1);
	residence_virk_to = DateOf(RESIDENCE_LATER_TO + 1, 1, 1);
	w2014 = WeekOf(2014, 1);
	w2015sep = WEEK_OF_DATE(DateOf(2015, 9, 1));
	w2019jul = WEEK_OF_DATE(DateOf(2019, 7, 1));

	for (int i = 0; i < lengthof(ageSteps); i++)
		for (int a = ageSteps[i].from_age; a <= MAX_PROFILE_AGE; a++)
			ageMult[ageSteps[i].profile][a] = ageSteps[i].mult;

	for (int k = 0; k < N_KOMMUNER; k++)
	{
		kommuneYRegion[k] = kommuner[k].region == R_REST ? R_REST_OUT : kommuner[k].region;
		for (int i = 0; i < lengthof(kommuner25); i++)
			if (kommuner25[i] == kommuner[k].kode)
				kommuneYRegion[k] = kommuner[k].region;
	}
	for (int p = 0; p < N_YEARPROFILES; p++)
		for (int r = 0; r < N_YEAR_REGIONS; r++)
			for (int y = 0; y < N_YEARS; y++)
				yearMult[p][r][y] = 1.0;
	for (int i = 0; i < lengthof(yearSteps); i++)
		for (int r = 0; r < N_YEAR_REGIONS; r++)
			if (yearSteps[i].region == ALL || yearSteps[i].region == r ||
				(yearSteps[i].region == R_REST && r == R_REST_OUT))
				for (int y = yearSteps[i].from_year - FIRST_SIM_YEAR; y < N_YEARS; y++)
					yearMult[yearSteps[i].profile][r][y] = yearSteps[i].mult;

	for (int f = 0; f < N_FLOWS; f++)
	{
		int			from = flows[f].from;

		flowsFrom[from][nFlowsFrom[from]++] = f;
		if (from == ST_SELV)
			flowsFrom[ST_EFTER_KTH][nFlowsFrom[ST_EFTER_KTH]++] = f;
		for (int c = 0; c < N_KLASSER; c++)
			for (int r = 0; r < N_REGIONS; r++)
				flowBase[f][c][r] = flows[f].rate / WEEKS_PER_YEAR * flows[f].klasse[c] * flows[f].region[r];
		flowBand[f] = -1;
		for (int b = 0; b < lengthof(ageBandFlows); b++)
			if (ageBandFlows[b].from == flows[f].from && ageBandFlows[b].to == flows[f].to)
				flowBand[f] = b;
		flowShift[f] = -1;
		for (int i = 0; i < lengthof(ageShifts); i++)
		{
			const AgeShift *a = &ageShifts[i];

			if (a->from != flows[f].from || a->to != flows[f].to)
				continue;
			if (flowShift[f] < 0)
			{
				flowShift[f] = nShiftFlows++;
				for (int x = 0; x < 2; x++)
					for (int age = 0; age <= MAX_PROFILE_AGE; age++)
						for (int r = 0; r < N_REGIONS; r++)
							ageShiftMult[flowShift[f]][x][age][r] = 1.0;
			}
			for (int r = 0; r < N_REGIONS; r++)
				for (int x = 0; x < 2; x++)
					for (int age = a->from_age; age < Min(a->to_age, MAX_PROFILE_AGE + 1); age++)
						if ((a->regions & (1 << r)) && (a->sex == ALL || a->sex == x))
							ageShiftMult[flowShift[f]][x][age][r] = a->mult;
		}
	}
	for (int s = 0; s < N_STATES; s++)
		for (int i = 0; i < nFlowsFrom[s]; i++)
		{
			const Flow *f = &flows[flowsFrom[s][i]];
			int			band = flowBand[flowsFrom[s][i]];
			int			yp[3] = {f->year, durProfiles[f->dur].year,
			band < 0 ? YP_FLAT : ageBandFlows[band].profile};

			for (int a = 1; a <= MAX_PROFILE_AGE; a++)
				if (ageMult[f->age][a] != ageMult[f->age][a - 1])
					ageBreak[s][a] = true;
			for (int r = 0; r < N_YEAR_REGIONS; r++)
				for (int y = 1; y < N_YEARS; y++)
					for (int j = 0; j < lengthof(yp); j++)
						if (yearMult[yp[j]][r][y] != yearMult[yp[j]][r][y - 1])
							yearBreak[s][r][y] = true;
			if (band >= 0)		/* the band's ends */
			{
				ageBreak[s][ageBandFlows[band].from_age] = true;
				ageBreak[s][ageBandFlows[band].to_age] = true;
			}
			if (f->dur == DP_KTH)	/* kthSexMult starts to apply */
				for (int r = 0; r < N_YEAR_REGIONS; r++)
					yearBreak[s][r][KTH_SEX_FROM - FIRST_SIM_YEAR] = true;
		}
	/* sentinels: the end of the tables ends a segment */
	for (int s = 0; s < N_STATES; s++)
	{
		ageBreak[s][MAX_PROFILE_AGE + 1] = true;
		for (int r = 0; r < N_YEAR_REGIONS; r++)
			yearBreak[s][r][N_YEARS] = true;
	}
	/* kthRegionMult's first age must end segments already in the one state DP_KTH's flows leave */
	if (!ageBreak[ST_AKT][KTH_FROM_AGE])
		elog(ERROR, "KTH_FROM_AGE does not end a segment of aktivitetsparat");
	/* residenceBreak's years must end segments of aktivitetsparat already */
	if (!YearEndsSegments(ST_AKT, RESIDENCE_FROM) || !YearEndsSegments(ST_AKT, RESIDENCE_TO + 1))
		elog(ERROR, "RESIDENCE_FROM or RESIDENCE_TO does not end a segment of aktivitetsparat");
	/* the ageShifts' ages and first year must end segments already (no draw before 2017 moves) */
	for (int i = 0; i < lengthof(ageShifts); i++)
	{
		const AgeShift *a = &ageShifts[i];
		bool		ok = (a->from_age == 0 || ageBreak[a->from][a->from_age]) && ageBreak[a->from][a->to_age] &&
			YearEndsSegments(a->from, KTH_SEX_FROM);

		if (!ok)
			elog(ERROR, "ageShifts row %d: its ages or its year do not end a segment", i);
	}

	/* birth years: age on 1 January 2015 is 2014 - birth year */
	for (int as = 0; as < 2; as++)
	{
		double		cum = 0;

		for (int y = 0; y < N_BIRTH_YEARS; y++)
		{
			int			age = 2014 - (FIRST_BIRTH_YEAR + y);
			double		w = 0;

			for (int b = 0; b < lengthof(popAge); b++)
				if (age >= popAge[b].from_age)
					w = popAge[b].per_year[as];
			cum += w;
			birthCum[as][y] = cum;
			if (age >= MIN_AGE && age <= MAX_AGE)
				w16_66[as] += w;
		}
	}
	for (int k = 0; k < N_KOMMUNER; k++)
	{
		int			as = kommuner[k].ages;

		universe[k] = (int32) rint(kommuner[k].pop_16_66 *
								   birthCum[as][N_BIRTH_YEARS - 1] / w16_66[as]);
		kommuneOrder[k] = k;
	}
	for (int i = 1; i < N_KOMMUNER; i++)
		for (int j = i; j > 0 && kommuner[kommuneOrder[j - 1]].kode > kommuner[kommuneOrder[j]].kode; j--)
		{
			int			x = kommuneOrder[j];

			kommuneOrder[j] = kommuneOrder[j - 1];
			kommuneOrder[j - 1] = x;
		}

	tables_ready = true;
}

/* ---------- persons ---------- */

/* where a person of København lived in 2013-14 (seeds/001; ResidenceOf) */
enum
{
	RES_OUTSIDE_KBH,			/* not in København */
	RES_NONE,					/* in København, not in an udsat boligområde */
	RES_UDSAT,					/* one of the other udsatte boligområder */
	RES_FREMSKUDT				/* one of the six outreach areas */
};

typedef struct Person
{
	int32		pnr;
	int32		kommune;		/* kommunekode */
	int			kidx;			/* its index in kommuner[] */
	int			region;
	int			yregion;		/* region of the year profiles */
	bool		kvinde;
	int			klasse;
	DateADT		born;
	int			born_y,
				born_m,
				born_d;
	IsoWeek		week16;			/* the week of the 16th birthday */
	IsoWeek		pension;		/* the first week at folkepension age */
	int8		residence;		/* RES_*, København in 2013-14 */
	Rng			rng;
} Person;

static int	ResidenceOf(const Person *p, int64 seed, int *omraade);

/* folkepension age in years by birth date (rules as legislated in 2011) */
static double
PensionAge(int y, int m)
{
	if (y < 1954)
		return 65.0;
	if (y == 1954)
		return m <= 6 ? 65.5 : 66.0;
	if (y == 1955)
		return m <= 6 ? 66.5 : 67.0;
	return 67.0;
}

/* the first week whose Monday is at least `years' after birth */
static IsoWeek
WeekAtAge(const Person *p, double years)
{
	return (IsoWeek) ceil((p->born + years * DAYS_PER_YEAR - 2) / 7.0);
}

/* age in whole years on the Monday of week w, as the hazards use it */
static int
AgeAtWeek(const Person *p, IsoWeek w)
{
	return (int) floor((WEEK_MONDAY(w) - p->born) / DAYS_PER_YEAR);
}

static void
PersonInit(Person *p, int64 seed, int k, int serial)
{
	int			as = kommuner[k].ages;
	double		u;
	int			y;
	double		day;

	p->kommune = kommuner[k].kode;
	p->kidx = k;
	p->region = kommuner[k].region;
	p->yregion = kommuneYRegion[k];
	p->pnr = p->kommune * PNR_PER_KOMMUNE + serial + 1;
	RngSeed(&p->rng, seed, p->pnr, 1);

	p->kvinde = Uniform(&p->rng) < 0.5;
	u = Uniform(&p->rng) * birthCum[as][N_BIRTH_YEARS - 1];
	for (y = 0; y < N_BIRTH_YEARS - 1 && birthCum[as][y] < u; y++)
		;
	p->born_y = FIRST_BIRTH_YEAR + y;
	day = Uniform(&p->rng) * (date2j(p->born_y + 1, 1, 1) - date2j(p->born_y, 1, 1));
	p->born = DateOf(p->born_y, 1, 1) + (int) day;
	j2date(p->born + POSTGRES_EPOCH_JDATE, &p->born_y, &p->born_m, &p->born_d);

	u = Uniform(&p->rng);
	p->klasse = u < klasseShare[p->region][1] ? 2 :
		u < klasseShare[p->region][1] + klasseShare[p->region][0] ? 1 : 0;

	/* the first week starting on or after the 16th birthday */
	p->week16 = (IsoWeek) ceil((DateOf(p->born_y + 16, p->born_m, p->born_d) - 2) / 7.0);
	p->pension = WeekAtAge(p, PensionAge(p->born_y, p->born_m));
	p->residence = ResidenceOf(p, seed, NULL);
}

/* completed years of age on a date */
static int
AgeOn(const Person *p, int y, int m, int d)
{
	return y - p->born_y - ((m < p->born_m || (m == p->born_m && d < p->born_d)) ? 1 : 0);
}

/* ---------- the simulation ---------- */

typedef struct Run
{
	int8		state;
	IsoWeek		start;
	int32		weeks;
} Run;

typedef struct History
{
	Run		   *runs;
	int			nruns;
	int			maxruns;
} History;

static void
AddRun(History *h, int state, IsoWeek start, int32 weeks)
{
	if (h->nruns == h->maxruns)
	{
		h->maxruns *= 2;
		h->runs = repalloc(h->runs, h->maxruns * sizeof(Run));
	}
	h->runs[h->nruns].state = state;
	h->runs[h->nruns].start = start;
	h->runs[h->nruns].weeks = weeks;
	h->nruns++;
}

static int
YearIndex(IsoWeek w)
{
	int			y = 0;

	while (y + 1 < N_YEARS && year_start[y + 1] <= w)
		y++;
	return y;
}

/*
 * One sojourn in `state', entered in week t0, with its duration clock
 * starting in week `origin'.  Returns the last week in the state; *dest is the
 * next state, or -1 when the register ends first.
 */
static IsoWeek
Sojourn(Person *p, int state, IsoWeek t0, IsoWeek origin, int *dest)
{
	const int  *fl = flowsFrom[state];
	int			nfl = nFlowsFrom[state];
	IsoWeek		cur = t0;
	int			yi = YearIndex(t0);
	double		h[N_FLOWS];

	*dest = -1;
	if (state == ST_FOLKEPENSION)
		return last_week;
	if (nfl == 0)
	{
		/* førtidspension and efterløn last until pension age */
		if (p->pension > last_week)
			return last_week;
		*dest = ST_FOLKEPENSION;
		return Max(p->pension, t0) - 1;
	}
	while (cur <= last_week)
	{
		int			age = AgeAtWeek(p, cur);
		IsoWeek		seg_end = Min(last_week + 1, p->pension);
		double		total = 0;
		int			a,
					y;

		if (cur >= p->pension)
		{
			*dest = ST_FOLKEPENSION;
			return cur - 1;
		}
		for (a = age + 1; !ageBreak[state][Min(a, MAX_PROFILE_AGE + 1)]; a++)
			;
		seg_end = Min(seg_end, WeekAtAge(p, a));
		for (y = yi + 1; !yearBreak[state][p->yregion][y]; y++)
			;
		seg_end = Min(seg_end, year_start[y]);

		for (int i = 0; i < nfl; i++)
		{
			const Flow *f = &flows[fl[i]];
			int			d = cur - origin;
			int			band = 0;
			double		hz;

			/* duration band, and the week the band ends */
			while (band < durProfiles[f->dur].nedges && d >= durProfiles[f->dur].edges[band])
				band++;
			if (band < durProfiles[f->dur].nedges)
				seg_end = Min(seg_end, origin + durProfiles[f->dur].edges[band]);

			hz = flowBase[fl[i]][p->klasse][p->region]
				* ageMult[f->age][Min(age, MAX_PROFILE_AGE)]
				* yearMult[f->year][p->yregion][yi]
				* durProfiles[f->dur].mult[p->region][band]
				* yearMult[durProfiles[f->dur].year][p->yregion][yi];
			if (flowShift[fl[i]] >= 0 && FIRST_SIM_YEAR + yi >= KTH_SEX_FROM)
				hz *= ageShiftMult[flowShift[fl[i]]][p->kvinde][Min(age, MAX_PROFILE_AGE)][p->region];
			if (f->dur == DP_KTH && FIRST_SIM_YEAR + yi >= KTH_SEX_FROM && age >= KTH_FROM_AGE)
			{
				hz *= kthRegionMult[p->region][band];
				hz *= kthSexMult[p->kvinde][band];
			}
			if (state == ST_AKT && f->to == ST_PAUSE &&
				FIRST_SIM_YEAR + yi >= RESIDENCE_FROM && FIRST_SIM_YEAR + yi <= RESIDENCE_TO)
				hz *= residenceBreak[p->residence];
			if (flowBand[fl[i]] >= 0)
			{
				const AgeBandFlow *b = &ageBandFlows[flowBand[fl[i]]];

				if (age >= b->from_age && age < b->to_age)
					hz *= yearMult[b->profile][p->yregion][yi];
			}
			h[i] = hz;
			total += hz;
		}

		seg_end = Max(seg_end, cur + 1);
		if (total > 0)
		{
			double		k = -log(Uniform(&p->rng)) / total;

			if (cur + k < seg_end)
			{
				IsoWeek		exit_week = cur + (IsoWeek) k;
				double		u = Uniform(&p->rng) * total;
				int			i;

				for (i = 0; i < nfl - 1 && u >= h[i]; i++)
					u -= h[i];
				*dest = flows[fl[i]].to;
				return exit_week;
			}
		}
		cur = seg_end;
		while (yi + 1 < N_YEARS && cur >= year_start[yi + 1])
			yi++;
	}
	return last_week;
}

/* a break in kontanthjælp lasts 1-5 weeks, short ones more often */
static int
PauseWeeks(Rng *rng)
{
	static const double cum[KTH_MAX_GAP] = {5.0 / 15, 9.0 / 15, 12.0 / 15, 14.0 / 15, 1.0};
	double		u = Uniform(rng);
	int			n = 0;

	while (n < KTH_MAX_GAP - 1 && u >= cum[n])
		n++;
	return n + 1;
}

/* the whole history of a person, as runs of internal states */
static void
Simulate(Person *p, History *h)
{
	IsoWeek		t = Max(p->week16, burnin_week);
	int			state = t >= p->pension ? ST_FOLKEPENSION : ST_SELV;
	IsoWeek		kth_origin = t;
	IsoWeek		kth_last = PG_INT32_MIN / 2;
	int			pause_return = ST_AKT;

	h->nruns = 0;
	while (t <= last_week)
	{
		IsoWeek		last;
		int			dest;

		if (state == ST_PAUSE)
		{
			int			weeks = PauseWeeks(&p->rng);

			last = Min(t + weeks - 1, last_week);
			dest = pause_return;
		}
		else
			last = Sojourn(p, state, t, IS_KTH(state) ? kth_origin : t, &dest);

		if (last >= t)
			AddRun(h, state, t, last - t + 1);
		if (IS_KTH(state))
			kth_last = last;
		if (dest < 0)
			break;

		t = last + 1;
		if (IS_KTH(dest) && !IS_KTH(state) && t - kth_last - 1 > KTH_MAX_GAP)
			kth_origin = t;		/* a new spell */
		if (dest == ST_PAUSE)
			pause_return = state;
		state = dest;
	}
}

/* ---------- activation offers ---------- */

static const Activation *
FindActivation(int state, int region, int period)
{
	const Activation *found = NULL;

	for (int i = 0; i < lengthof(activation); i++)
		if (activation[i].state == state &&
			(activation[i].region == ALL || activation[i].region == region) &&
			(activation[i].period == ALL || activation[i].period <= period))
			found = &activation[i];
	return found;
}

/*
 * seeds/001 M3: of København's aktivitetsparate over 30 of 2013-14 living in
 * an udsat boligområde, 12,3 % (the six outreach areas) and 10,3 % (their
 * matched twins from the other areas) were in virksomhedspraktik or
 * løntilskud within 52 weeks, while København's share of the activation hours
 * in virksomhedsrettede offers was 31 % (seeds/000 Tabel 6, seeds/003 Tabel
 * 3).  So in 2013-2015 offers on kontanthjælp in København weight the
 * virksomhedsrettede types by residence (ResidenceOf): the areas' residents,
 * with 46 % of the aktivitetsparate's activation hours, have 8 % (the other
 * areas) and 16 % (the six) of their hours in them, the rest of København
 * 50 %, so that København's share holds (31,2 %); the six areas' weight over
 * the other areas' is the effect the evaluation measured (2 points), a little
 * wider (0.37 / 0.17; 0.33 / 0.195 before seeds/000 Figur 8's ledighedsydelse
 * redrew the matched twins; 0.39 after M1's residenceBreak redrew them again)
 * so that the demo's matched pairs show it.  In 2016-2017 (the second row) the
 * six areas' residents have virksomhedsrettede offers a little more often, so
 * that those of Tingbjerg and Urbanplanen, where the effort went on, start
 * 2,2 % a month against København's 2 % (the third BIU note, seeds/001 note 3).
 */
static const double residenceVirk[2][4] = {
	{1.0, 2.2, 0.17, 0.39},		/* 2013-2015 */
	{1.0, 1.0, 1.0, 1.2},		/* 2016-2017 */
};

/* the mean length in weeks of an offer of type t under row a, before `length' */
static double
TilbudWeeks(const Activation *a, int t)
{
	return tilbudInfo[t].weeks * (tilbudInfo[t].virksomhedsrettet ? 1.0 + a->virk_longer : 1.0);
}

/* virk_mult: a weight on the virksomhedsrettede types (residenceVirk) */
static int
DrawTilbud(const Activation *a, Rng *rng, double virk_mult)
{
	double		share[N_TILBUD];
	double		total = 0;
	double		u;
	int			t;

	share[TB_PRAKTIK] = a->virk * virkSplit[0] * virk_mult;
	share[TB_LOEN_PRIVAT] = a->virk * virkSplit[1] * virk_mult;
	share[TB_LOEN_OFFENTLIG] = a->virk * virkSplit[2] * virk_mult;
	share[TB_NYTTE] = a->nytte;
	share[TB_JOBROTATION] = a->jobrotation;
	share[TB_UDDANNELSE] = a->uddannelse;
	share[TB_VEJLEDNING] = 1.0 - a->virk - a->nytte - a->jobrotation - a->uddannelse;
	/* shares of hours become shares of offers: long offers are rarer */
	for (t = 0; t < N_TILBUD; t++)
	{
		share[t] /= TilbudWeeks(a, t);
		total += share[t];
	}
	u = Uniform(rng) * total;
	for (t = 0; t < N_TILBUD - 1 && u >= share[t]; t++)
		u -= share[t];
	return t;
}

typedef struct Offer
{
	int			type;
	DateADT		first_day;
	DateADT		last_day;
	double		hours;
} Offer;

typedef void (*OfferSink) (void *arg, const Person *p, const Offer *o);

static int
PeriodOf(DateADT day)
{
	return day >= period_c_start ? PERIOD_C : day >= period_b_start ? PERIOD_B : PERIOD_A;
}

/* the multipliers of the start probability and of the lengths for a person's course kind */
static double
CourseStart(const Activation *a, double course)
{
	return course < a->long_share ? a->long_start : course >= 1.0 - a->rare_share ? a->rare_mult : 1.0;
}

static double
CourseLength(const Activation *a, double course)
{
	return course < a->long_share ? a->long_mult : 1.0;
}

/* offers along the runs of the benefit states, from stream 2 (the course kind from stream 12) */
static void
DrawOffers(Person *p, const History *h, int64 seed, DateADT from_day, OfferSink sink, void *arg)
{
	Rng			rng;
	double		course;

	RngSeed(&rng, seed, p->pnr, 12);
	course = Uniform(&rng);
	RngSeed(&rng, seed, p->pnr, 2);
	for (int r = 0; r < h->nruns; r++)
	{
		const Run  *run = &h->runs[r];
		IsoWeek		w = run->start;
		IsoWeek		end = run->start + run->weeks;	/* exclusive */
		DateADT		run_last_day = WEEK_MONDAY(end) - 1;

		if (end <= first_dream_week || FindActivation(run->state, p->region, PERIOD_A) == NULL)
			continue;
		while (w < end)
		{
			const Activation *a;
			Offer		o;
			int			weeks;
			double		u = Uniform(&rng);

			/* weeks without an offer, then an offer starting on a weekday */
			a = FindActivation(run->state, p->region, PeriodOf(WEEK_MONDAY(w)));
			w += (IsoWeek) floor(log(u) / log1p(-a->start * CourseStart(a, course)));
			if (w >= end)
				break;
			o.first_day = WEEK_MONDAY(w) + UniformInt(&rng, 0, 4);
			a = FindActivation(run->state, p->region, PeriodOf(o.first_day));
			o.type = DrawTilbud(a, &rng,
								IS_KTH(run->state) && o.first_day >= residence_virk_from &&
								o.first_day < residence_virk_to ?
								residenceVirk[o.first_day >= residence_virk_2016][p->residence] : 1.0);
			weeks = (int) rint(TilbudWeeks(a, o.type) * a->length * CourseLength(a, course) * (0.5 + Uniform(&rng)));
			weeks = Max(weeks, 1);
			o.last_day = Min(o.first_day + 7 * weeks - 1, run_last_day);
			o.hours = rint(a->hours * (0.5 + Uniform(&rng)) * 2.0) / 2.0;
			o.hours = Min(Max(o.hours, 1.0), FULL_WEEK_HOURS);
			if (o.last_day >= from_day)
				sink(arg, p, &o);
			w = WEEK_OF_DATE(o.last_day) + 1;
		}
	}
}

/* ---------- arguments and the person loop ---------- */

typedef struct GenArgs
{
	int64		seed;
	double		scale;
	bool		wanted[N_KOMMUNER];
	IsoWeek		first;
} GenArgs;

static int
KommuneIndex(int32 kode)
{
	for (int k = 0; k < N_KOMMUNER; k++)
		if (kommuner[k].kode == kode)
			return k;
	return -1;
}

/* (seed, scale, kommuner [, first]) */
static void
GetGenArgs(FunctionCallInfo fcinfo, GenArgs *g, bool with_first)
{
	PrepareTables();

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || (with_first && PG_ARGISNULL(3)))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("seed, scale and first must not be null")));
	g->seed = PG_GETARG_INT64(0);
	g->scale = PG_GETARG_FLOAT8(1);
	if (!(g->scale > 0 && g->scale <= 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("scale must be greater than 0 and at most 1"),
				 errdetail("Scale 1 is the whole population; %g was given.", g->scale)));

	if (PG_ARGISNULL(2))
	{
		for (int k = 0; k < N_KOMMUNER; k++)
			g->wanted[k] = true;
	}
	else
	{
		ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(2);
		Datum	   *elems;
		bool	   *nulls;
		int			n;

		memset(g->wanted, 0, sizeof(g->wanted));
		deconstruct_array(arr, INT4OID, 4, true, TYPALIGN_INT, &elems, &nulls, &n);
		for (int i = 0; i < n; i++)
		{
			int			k;

			if (nulls[i])
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("kommuner must not contain nulls")));
			k = KommuneIndex(DatumGetInt32(elems[i]));
			if (k < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("unknown kommunekode %d", DatumGetInt32(elems[i])),
						 errdetail("The 98 kommunekoder are listed in synth_kommune_pop.")));
			g->wanted[k] = true;
		}
	}

	if (with_first)
	{
		g->first = PG_GETARG_ISOWEEK(3);
		if (g->first < first_dream_week || g->first > last_week)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("first must lie between 1991-W27 and 2024-W52"),
					 errdetail("The synthetic register covers DREAM's weeks from 1991-W27 to 2024-W52.")));
	}
}

typedef void (*PersonFn) (void *arg, Person *p);

/* calls fn for every person of the wanted kommuner, in pnr order */
static void
ForEachPerson(const GenArgs *g, PersonFn fn, void *arg)
{
	MemoryContext tmp = AllocSetContextCreate(CurrentMemoryContext,
											  "synth person", ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(tmp);

	for (int i = 0; i < N_KOMMUNER; i++)
	{
		int			k = kommuneOrder[i];
		int			n = (int) rint(universe[k] * g->scale);

		if (!g->wanted[k])
			continue;
		for (int s = 0; s < n; s++)
		{
			Person		p;

			CHECK_FOR_INTERRUPTS();
			PersonInit(&p, g->seed, k, s);
			if (p.week16 <= last_week)	/* else 16 only after the register ends */
				fn(arg, &p);
			MemoryContextReset(tmp);
		}
	}
	MemoryContextSwitchTo(old);
	MemoryContextDelete(tmp);
}

typedef struct Output
{
	ReturnSetInfo *rsinfo;
	const GenArgs *g;
	History		h;
} Output;

static void
OutputInit(Output *out, FunctionCallInfo fcinfo, const GenArgs *g)
{
	InitMaterializedSRF(fcinfo, 0);
	out->rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	out->g = g;
	out->h.runs = NULL;
	out->h.maxruns = 0;
}

/* a history in the current (per-person) memory context */
static void
SimulateHere(Person *p, History *h)
{
	h->maxruns = 64;
	h->runs = palloc(h->maxruns * sizeof(Run));
	Simulate(p, h);
}

static void
PutRow(Output *out, Datum *values, bool *nulls)
{
	tuplestore_putvalues(out->rsinfo->setResult, out->rsinfo->setDesc, values, nulls);
}

/* a set-returning function whose rows come person by person from fn(Output *, Person *) */
static Datum
RowsPerPerson(FunctionCallInfo fcinfo, bool with_first, PersonFn fn)
{
	GenArgs		g;
	Output		out;

	GetGenArgs(fcinfo, &g, with_first);
	OutputInit(&out, fcinfo, &g);
	ForEachPerson(&g, fn, &out);
	return (Datum) 0;
}

/* ---------- SQL functions ---------- */

/*
 * synth_kommuner() -> setof (kommunekode, pop_16_66)
 */
Datum
synth_kommuner(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo;

	InitMaterializedSRF(fcinfo, 0);
	rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	for (int k = 0; k < N_KOMMUNER; k++)
	{
		Datum		values[2] = {Int32GetDatum(kommuner[k].kode),
		Int32GetDatum(kommuner[k].pop_16_66)};
		bool		nulls[2] = {false, false};

		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * synth_states() -> setof (code, gruppe, betegnelse)
 */
Datum
synth_states(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo;

	InitMaterializedSRF(fcinfo, 0);
	rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	for (int s = 0; s < N_CODES; s++)
	{
		Datum		values[3] = {Int32GetDatum(stateInfo[s].code),
			CStringGetTextDatum(stateInfo[s].gruppe),
		CStringGetTextDatum(stateInfo[s].betegnelse)};
		bool		nulls[3] = {false, false, false};

		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	for (int c = 0; c < (int) lengthof(recodeInfo); c++)
	{
		Datum		values[3] = {Int32GetDatum(recodeInfo[c].code),
			CStringGetTextDatum(recodeInfo[c].gruppe),
		CStringGetTextDatum(recodeInfo[c].betegnelse)};
		bool		nulls[3] = {false, false, false};

		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * synth_tilbudstyper() -> setof (tilbudstype, betegnelse, virksomhedsrettet)
 */
Datum
synth_tilbudstyper(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo;

	InitMaterializedSRF(fcinfo, 0);
	rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	for (int t = 0; t < N_TILBUD; t++)
	{
		Datum		values[3] = {CStringGetTextDatum(tilbudInfo[t].key),
			CStringGetTextDatum(tilbudInfo[t].betegnelse),
		BoolGetDatum(tilbudInfo[t].virksomhedsrettet)};
		bool		nulls[3] = {false, false, false};

		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

static void
PersonRow(void *arg, Person *p)
{
	Datum		values[4] = {Int32GetDatum(p->pnr), Int32GetDatum(p->kommune),
		DateADTGetDatum(p->born),
	CStringGetTextDatum(p->kvinde ? "K" : "M")};
	bool		nulls[4] = {false, false, false, false};

	PutRow((Output *) arg, values, nulls);
}

/*
 * synth_persons(seed, scale, kommuner) -> setof (pnr, kommunekode, foedselsdato, koen)
 */
Datum
synth_persons(PG_FUNCTION_ARGS)
{
	return RowsPerPerson(fcinfo, false, PersonRow);
}

/* what the writer of the histories needs to label kontanthjælp weeks (RecodeKth) */
typedef struct KthFlags
{
	bool		udd;			/* no vocational or higher education: uddannelseshjælp under 30 */
	bool		integr;			/* integrationsydelse rules (immigrants, stream 6) */
	bool		shy;			/* selvforsørgelses- og hjemrejseydelse from July 2019 */
	IsoWeek		w30;			/* the first week at age 30 */
} KthFlags;

static void KthFlagsOf(const Person *p, int64 seed, KthFlags *f);

/*
 * The code of the kontanthjælp weeks [a, ...) of a spell that started in week
 * `origin' (breaks of at most KTH_MAX_GAP weeks bridged), in internal state
 * s; the caller splits runs at w2014, f->w30 and w2019jul.
 */
static int
RecodeKth(const KthFlags *f, int s, IsoWeek a, IsoWeek origin)
{
	bool		akt = s == ST_AKT;

	if (f->integr && (origin >= w2019jul || (origin >= w2015sep && a < f->w30)))
	{
		if (a < w2019jul)
			return CODE_INTEGR;
		return f->shy ? CODE_SHY : akt ? CODE_OVG_AKT : CODE_OVG_JOB;
	}
	if (f->udd && a >= w2014 && a < f->w30)
		return akt ? CODE_UDD_AKT : CODE_UDD_UDD;
	return stateInfo[s].code;
}

static void
HistoryRow(void *arg, Person *p)
{
	Output	   *out = (Output *) arg;
	IsoWeek		first = Max(out->g->first, p->week16);
	Datum	   *codes;
	Datum	   *lengths;
	int			n = 0;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	KthFlags	kf;
	IsoWeek		origin = 0;
	IsoWeek		kth_last = PG_INT32_MIN / 2;

	SimulateHere(p, &out->h);
	KthFlagsOf(p, out->g->seed, &kf);
	/* a kontanthjælp run may be cut in three places */
	codes = palloc(4 * out->h.nruns * sizeof(Datum));
	lengths = palloc(4 * out->h.nruns * sizeof(Datum));

	/* clip to [first, last_week] and merge runs that share a code */
	for (int r = 0; r < out->h.nruns; r++)
	{
		const Run  *run = &out->h.runs[r];
		IsoWeek		end = run->start + run->weeks;
		IsoWeek		cuts[4];
		int			ncuts = 0;
		IsoWeek		a;

		if (IS_KTH(run->state))
		{
			IsoWeek		c3[3] = {w2014, kf.w30, w2019jul};

			if (run->start - kth_last - 1 > KTH_MAX_GAP)
				origin = run->start;
			kth_last = end - 1;
			/* cut points in order (w30 may fall anywhere) */
			for (int i = 0; i < 3; i++)
				if (c3[i] > run->start && c3[i] < end)
					cuts[ncuts++] = c3[i];
			for (int i = 1; i < ncuts; i++)
				for (int j = i; j > 0 && cuts[j] < cuts[j - 1]; j--)
				{
					IsoWeek		t = cuts[j];

					cuts[j] = cuts[j - 1];
					cuts[j - 1] = t;
				}
		}
		cuts[ncuts] = end;

		a = run->start;
		for (int c = 0; c <= ncuts; c++)
		{
			IsoWeek		b = cuts[c];
			IsoWeek		start = Max(a, first);
			int32		weeks = b - start;
			int			code = IS_KTH(run->state) ? RecodeKth(&kf, run->state, a, origin)
				: stateInfo[run->state].code;

			a = b;
			if (weeks <= 0)
				continue;
			if (n > 0 && DatumGetInt32(codes[n - 1]) == code)
				lengths[n - 1] = Int32GetDatum(DatumGetInt32(lengths[n - 1]) + weeks);
			else
			{
				codes[n] = Int32GetDatum(code);
				lengths[n] = Int32GetDatum(weeks);
				n++;
			}
		}
	}

	values[0] = Int32GetDatum(p->pnr);
	values[1] = IsoWeekGetDatum(first);
	values[2] = PointerGetDatum(construct_array(codes, n, INT4OID, 4, true, TYPALIGN_INT));
	values[3] = PointerGetDatum(construct_array(lengths, n, INT4OID, 4, true, TYPALIGN_INT));
	PutRow(out, values, nulls);
}

/*
 * synth_histories(seed, scale, kommuner, first)
 *		-> setof (pnr, first_week isoweek, codes int[], lengths int[])
 */
Datum
synth_histories(PG_FUNCTION_ARGS)
{
	return RowsPerPerson(fcinfo, true, HistoryRow);
}

static void
OfferRow(void *arg, const Person *p, const Offer *o)
{
	Output	   *out = (Output *) arg;
	TypeCacheEntry *typcache = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);
	RangeBound	lower = {DateADTGetDatum(o->first_day), false, true};
	RangeBound	upper = {DateADTGetDatum(o->last_day + 1), false, false};
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	values[0] = Int32GetDatum(p->pnr);
	values[1] = CStringGetTextDatum(tilbudInfo[o->type].key);
	values[2] = RangeTypePGetDatum(JOBREG_MAKE_RANGE(typcache, &lower, &upper, false));
	values[3] = Float8GetDatum(o->hours);
	PutRow(out, values, nulls);
}

static void
OffersOfPerson(void *arg, Person *p)
{
	Output	   *out = (Output *) arg;

	SimulateHere(p, &out->h);
	DrawOffers(p, &out->h, out->g->seed, WEEK_MONDAY(out->g->first), OfferRow, out);
}

/*
 * synth_offers(seed, scale, kommuner, first)
 *		-> setof (pnr, tilbudstype, periode daterange, timer_pr_uge)
 */
Datum
synth_offers(PG_FUNCTION_ARGS)
{
	GenArgs		g;
	Output		out;

	GetGenArgs(fcinfo, &g, true);
	OutputInit(&out, fcinfo, &g);
	ForEachPerson(&g, OffersOfPerson, &out);
	return (Datum) 0;
}

/* population counts: [kommune index][quarter][age - MIN_AGE] */
typedef struct PopCount
{
	int32		count[N_KOMMUNER][N_QUARTERS][MAX_AGE - MIN_AGE + 1];
} PopCount;

static void
CountPerson(void *arg, Person *p)
{
	PopCount   *pc = (PopCount *) arg;
	int			k = p->kidx;

	for (int q = 0; q < N_QUARTERS; q++)
	{
		int			age = AgeOn(p, FIRST_POP_YEAR + q / 4, 3 * (q % 4) + 1, 1);

		if (age >= MIN_AGE && age <= MAX_AGE)
			pc->count[k][q][age - MIN_AGE]++;
	}
}

/*
 * synth_population(seed, scale, kommuner)
 *		-> setof (kommunekode, aar, kvartal, alder, antal): persons by age on
 *		the first day of each quarter 2008-2024
 */
Datum
synth_population(PG_FUNCTION_ARGS)
{
	GenArgs		g;
	Output		out;
	PopCount   *pc;

	GetGenArgs(fcinfo, &g, false);
	OutputInit(&out, fcinfo, &g);
	pc = palloc0(sizeof(PopCount));
	ForEachPerson(&g, CountPerson, pc);

	for (int i = 0; i < N_KOMMUNER; i++)
	{
		int			k = kommuneOrder[i];

		if (!g.wanted[k])
			continue;
		for (int q = 0; q < N_QUARTERS; q++)
			for (int a = 0; a <= MAX_AGE - MIN_AGE; a++)
			{
				Datum		values[5] = {Int32GetDatum(kommuner[k].kode),
					Int32GetDatum(FIRST_POP_YEAR + q / 4), Int32GetDatum(q % 4 + 1),
				Int32GetDatum(a + MIN_AGE), Int32GetDatum(pc->count[k][q][a])};
				bool		nulls[5] = {false, false, false, false, false};

				if (pc->count[k][q][a] > 0)
					PutRow(&out, values, nulls);
			}
	}
	return (Datum) 0;
}

/* ---------- background: herkomst, civilstand, uddannelse (stream 4) ---------- */

#define N_HERKOMST 4
static const char *const herkomstName[N_HERKOMST] = {
	"dansk", "indvandrer vestlig", "indvandrer ikke-vestlig", "efterkommer"
};

/*
 * Shares of herkomst by region and class (ordinary, marginal, udsatte).
 * Overall about a tenth of the 16-66-year-olds are of immigrant origin, in
 * København about a fifth (Danmarks Statistik's 2015 levels, rounded); among
 * the udsatte the non-western share is much higher, as in the documents'
 * target groups (seeds/002 Tabel 1: 37 % ikke-vestlig among the langvarige;
 * seeds/001: most recipients in the outreach areas).  Efterkommere are of
 * non-western origin here (seeds/002 counts them as ikke-vestlig).
 * København's marginal class, from which its jobparate come, has more
 * ikke-vestlige indvandrere and efterkommere, so that 39 % of its jobparate of
 * 2017 are of non-western origin (seeds/004 afsnit 4.4; with 0.20 and 0.10:
 * 32.5 %); the rise is mostly efterkommere, so the first-generation
 * immigrants among the adults of the udsatte boligområder (seeds/001, through
 * the residence draw) stay at 54 and 40 %.
 */
static const double herkomstShare[N_REGIONS][N_KLASSER][N_HERKOMST] = {
	{{0.80, 0.07, 0.08, 0.05}, {0.64, 0.06, 0.27, 0.24}, {0.42, 0.03, 0.38, 0.17}},	/* København */
	{{0.76, 0.04, 0.13, 0.07}, {0.60, 0.04, 0.24, 0.12}, {0.37, 0.03, 0.43, 0.17}},	/* klyngen */
	{{0.90, 0.04, 0.04, 0.02}, {0.78, 0.04, 0.12, 0.06}, {0.47, 0.03, 0.37, 0.13}},	/* ledighedsydelse-klyngen */
	{{0.90, 0.04, 0.04, 0.02}, {0.78, 0.04, 0.12, 0.06}, {0.47, 0.03, 0.37, 0.13}},	/* resten */
};
/* among the marginal and udsatte, non-western women are more, men fewer (seeds/002 Tabel 1: 45 % / 29 %) */
static const double herkomstUdsatKvinde[2] = {0.72, 1.75};	/* men, women: × non-western */

#define N_UDDANNELSE 4
static const char *const uddannelseName[N_UDDANNELSE] = {
	"grundskole", "gymnasial", "erhvervsfaglig", "videregående"
};
/* highest completed education at 30 by class (ordinary, marginal, udsatte) */
static const double uddannelseShare[N_KLASSER][N_UDDANNELSE] = {
	{0.15, 0.10, 0.37, 0.38},
	{0.32, 0.10, 0.38, 0.20},
	{0.62, 0.07, 0.24, 0.07},
};

static int
DrawIndex(Rng *rng, const double *share, int n)
{
	double		total = 0,
				u;
	int			i;

	for (i = 0; i < n; i++)
		total += share[i];
	u = Uniform(rng) * total;
	for (i = 0; i < n - 1 && u >= share[i]; i++)
		u -= share[i];
	return i;
}

typedef struct Background
{
	int			herkomst;
	const char *civilstand;
	int			uddannelse;
} Background;

static void
DrawBackground(const Person *p, int64 seed, Background *b)
{
	Rng			rng;
	double		h[N_HERKOMST];
	double		u[N_UDDANNELSE];
	int			age = AgeOn(p, 2015, 1, 1);
	double		pg,
				pd;

	RngSeed(&rng, seed, p->pnr, 4);
	memcpy(h, herkomstShare[p->region][p->klasse], sizeof(h));
	if (p->klasse > 0)
	{
		h[2] *= herkomstUdsatKvinde[p->kvinde];
		h[3] *= herkomstUdsatKvinde[p->kvinde];
	}
	if (p->born_y < 1965)
		h[3] = 0;				/* few descendants were adults before 1980 */
	b->herkomst = DrawIndex(&rng, h, N_HERKOMST);

	/* education: the young have not finished it yet */
	memcpy(u, uddannelseShare[p->klasse], sizeof(u));
	if (age < 20)
		u[1] = u[2] = u[3] = 0;
	else if (age < 25)
		u[3] *= 0.4;
	b->uddannelse = DrawIndex(&rng, u, N_UDDANNELSE);

	/* civilstand on 1 January 2015: married by age, fewer among the udsatte */
	pg = age < 25 ? 0.04 : age < 30 ? 0.25 : age < 40 ? 0.50 : 0.58;
	pg *= p->klasse == 2 ? 0.55 : p->klasse == 1 ? 0.8 : 1.0;
	if (b->herkomst == 2)
		pg = Min(0.9, pg * 1.3);
	pd = age < 30 ? 0.01 : age < 45 ? 0.10 : 0.16;
	pd *= p->klasse == 2 ? 1.5 : 1.0;
	{
		double		x = Uniform(&rng);

		b->civilstand = x < pg ? "gift" :
			x < pg + pd ? "fraskilt" :
			(age >= 55 && x < pg + pd + 0.03) ? "enke" : "ugift";
	}
}

/* the flags of RecodeKth: education from the background, the rest from stream 6 */
static void
KthFlagsOf(const Person *p, int64 seed, KthFlags *f)
{
	Background	b;
	Rng			rng;
	double		u1,
				u2;

	DrawBackground(p, seed, &b);
	RngSeed(&rng, seed, p->pnr, 6);
	u1 = Uniform(&rng);
	u2 = Uniform(&rng);
	f->udd = b.uddannelse <= 1;	/* grundskole or gymnasial */
	f->integr = u1 < integrShare[b.herkomst];
	f->shy = f->integr && b.herkomst == 2 && u2 < SHY_SHARE;
	f->w30 = WeekAtAge(p, 30);
}

static void
BackgroundRow(void *arg, Person *p)
{
	Output	   *out = (Output *) arg;
	Background	b;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	DrawBackground(p, out->g->seed, &b);
	values[0] = Int32GetDatum(p->pnr);
	values[1] = CStringGetTextDatum(herkomstName[b.herkomst]);
	values[2] = CStringGetTextDatum(b.civilstand);
	values[3] = CStringGetTextDatum(uddannelseName[b.uddannelse]);
	PutRow(out, values, nulls);
}

/*
 * synth_background(seed, scale, kommuner)
 *		-> setof (pnr, herkomst, civilstand, uddannelse)
 */
Datum
synth_background(PG_FUNCTION_ARGS)
{
	return RowsPerPerson(fcinfo, false, BackgroundRow);
}

/* ---------- residence: København's udsatte boligområder (stream 11) ---------- */

/*
 * seeds/001 assigns the outreach effort by residence: aktivitetsparate over 30
 * who lived in one of six udsatte boligområder (areas with a helhedsplan) of
 * København with a fremskudt beskæftigelsesindsats in 2013 or 2014, against
 * residents of København's other udsatte boligområder.  The model: a person of
 * København lives in an udsat boligområde in 2013-14 with a probability by
 * class and herkomst, and there in one of the six with a probability by
 * herkomst (the six have more first-generation immigrants among their adults:
 * 54 % against 40 %, seeds/001 L144); the six are drawn by their residents
 * (Tingbjerg 5.300, Urbanplanen 5.000, Hothers Plads 3.100, Aldersrogade
 * 2.300, Lundtoftegade 2.000, Akacieparken 1.400).  Calibrated to seeds/001's
 * 2.052 treated aktivitetsparate (synth_target 311-313); the share of
 * København in udsatte boligområder is an assumption, not a printed figure.
 */
#define N_FREMSKUDT 6
static const struct
{
	const char *navn;
	double		beboere;
}			fremskudtOmraade[N_FREMSKUDT] = {
	{"Tingbjerg", 5300}, {"Urbanplanen", 5000}, {"Hothers Plads", 3100},
	{"Aldersrogade", 2300}, {"Lundtoftegade", 2000}, {"Akacieparken", 1400},
};
#define OEVRIGT_OMRAADE "øvrigt udsat boligområde"
/* P(an udsat boligområde) by class (ordinary, marginal, udsatte) and the factor by herkomst */
static const double udsatOmraade[N_KLASSER] = {0.075, 0.21, 0.45};
static const double udsatOmraadeHerkomst[N_HERKOMST] = {0.8, 1.0, 1.75, 1.6};
/* P(one of the six | an udsat boligområde): by herkomst, times a factor by class */
static const double fremskudtAndel[N_HERKOMST] = {0.085, 0.095, 0.0775, 0.067};
static const double fremskudtKlasse[N_KLASSER] = {0.35, 1.0, 4.2};

/* where a person of København lived in 2013-14 (stream 11); *omraade (if wanted): the area when RES_FREMSKUDT */
static int
ResidenceOf(const Person *p, int64 seed, int *omraade)
{
	Background	b;
	Rng			rng;
	double		w[N_FREMSKUDT];

	if (p->kommune != 101)
		return RES_OUTSIDE_KBH;
	DrawBackground(p, seed, &b);
	RngSeed(&rng, seed, p->pnr, 11);
	if (Uniform(&rng) >= Min(1.0, udsatOmraade[p->klasse] * udsatOmraadeHerkomst[b.herkomst]))
		return RES_NONE;
	if (Uniform(&rng) >= fremskudtAndel[b.herkomst] * fremskudtKlasse[p->klasse])
		return RES_UDSAT;
	for (int i = 0; i < N_FREMSKUDT; i++)
		w[i] = fremskudtOmraade[i].beboere;
	if (omraade)
		*omraade = DrawIndex(&rng, w, N_FREMSKUDT);
	return RES_FREMSKUDT;
}

static void
ResidenceRow(void *arg, Person *p)
{
	Output	   *out = (Output *) arg;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};
	int			omraade = 0;
	int			res = ResidenceOf(p, out->g->seed, &omraade);

	if (res != RES_UDSAT && res != RES_FREMSKUDT)
		return;
	values[0] = Int32GetDatum(p->pnr);
	values[1] = CStringGetTextDatum(res == RES_FREMSKUDT ? fremskudtOmraade[omraade].navn : OEVRIGT_OMRAADE);
	values[2] = BoolGetDatum(res == RES_FREMSKUDT);
	PutRow(out, values, nulls);
}

/*
 * synth_residence(seed, scale, kommuner)
 *		-> setof (pnr, omraade, fremskudt): the persons of København living in
 *		an udsat boligområde in 2013-14
 */
Datum
synth_residence(PG_FUNCTION_ARGS)
{
	return RowsPerPerson(fcinfo, false, ResidenceRow);
}

/* ---------- monthly employment: grad and branche (stream 3) ---------- */

/*
 * DREAM's monthly columns from eIndkomst: grad = the employment degree of the
 * month (here 1-100, per cent of full time; missing = no wages) and branche =
 * the DB07 industry of the main job.  The model: each run of a state is cut
 * into segments of at most 78 weeks (cut at the start of 2021); a segment has a job with a probability
 * by state and class, and the job has a degree and a branche.  A month's grad
 * is the mean degree over its weeks (Thursday rule), missing when no week of
 * the month has a job; its branche is the branche of the month's last job.
 * So weeks without a benefit code are mostly weeks with a job, less so for
 * the udsatte and after kontanthjælp (seeds/002 Figur 53-54: few of the
 * langvarige have any employment), and some benefit weeks carry a small job
 * (fleksjob always: it is a job).
 */
#define EMP_SEGMENT_WEEKS 78
#define FIRST_EMP_YEAR 2008		/* DREAM's monthly columns start in 2008 */
#define EMP_KTH_2021 1.38		/* seeds/002 Figur 54: 4,6 -> 5,9 pct. */
/*
 * seeds/004 afsnit 4.3: København is "nummer 30 ud af 30" in getting its
 * dagpengemodtagere into job in 2017 (the demo: in job or education 26 weeks
 * after 2017-W14, among the 30 largest kommuner; the model gave 50,7 %, 16th).
 * In 2017 its self-support after a-dagpenge has a job this much less often
 * (42,1 %, the lowest; the next 45,5 %).
 */
#define DP_JOB_KBH_2017 0.82

static const double empProb[N_STATES][N_KLASSER] = {
	[ST_SELV] = {0.95, 0.82, 0.50},
	[ST_AKT] = {0.047, 0.047, 0.042},
	[ST_JOBPARAT] = {0.10, 0.08, 0.06},
	[ST_DAGPENGE] = {0.15, 0.12, 0.08},
	[ST_SYGE] = {0.45, 0.35, 0.20},
	[ST_FLEKSJOB] = {1.0, 1.0, 1.0},
	[ST_LEDIGHEDSYDELSE] = {0.05, 0.05, 0.03},
	[ST_RESSOURCE] = {0.04, 0.04, 0.03},
	[ST_REVALIDERING] = {0.10, 0.08, 0.05},
	[ST_FOERTID] = {0.05, 0.04, 0.02},
	[ST_SU] = {0.45, 0.40, 0.25},
	[ST_FOLKEPENSION] = {0.08, 0.05, 0.02},
	[ST_ANDET] = {0.40, 0.30, 0.15},
	[ST_EFTER_KTH] = {0.45, 0.30, 0.13},
	[ST_PAUSE] = {0.15, 0.10, 0.05},
	[ST_EFTERLOEN] = {0.05, 0.05, 0.02},
};

/*
 * seeds/001 M2: 4,3 % (the six areas) and 4,1 % (their twins) were in job or
 * education within 52 weeks, though the areas' residents are mostly udsatte,
 * whose breaks and exits seldom carry a job in the model (3,1 and 3,8 %).  In
 * 2013-2015 a segment of a break or of self-support after kontanthjælp in
 * København has a job this many times as often by residence (RES_*); outside
 * the udsatte boligområder 2.5 times, so that 644 and 677 of the
 * aktivitetsparate over 30's kontaktforløb end in job or education in 2014
 * and 2015 (seeds/003 Tabel 4; was 1.0: 467 and 475).  In 2016-2017 (the
 * second row) so that 0,4 % of København's aktivitetsparate over 30 and 0,5 %
 * of those in the areas still in the effort go to job or education a month
 * (the third BIU note, seeds/001 note 3).  Stream 3 only: the histories do
 * not move.
 */
static const double residenceJob[2][4] = {
	{1.0, 2.5, 1.45, 2.4},		/* 2013-2015 */
	{1.0, 2.5, 2.5, 7.0},		/* 2016-2017 */
};

/* DB07 industries (six digits) of the jobs, with their weights */
static const struct
{
	int32		branche;
	double		weight;
}			brancher[] = {
	{471100, 0.12},				/* detailhandel med bredt varesortiment */
	{561010, 0.07},				/* restauranter */
	{812100, 0.06},				/* rengøring */
	{862100, 0.08},				/* hospitaler */
	{881000, 0.10},				/* sociale foranstaltninger uden institutionsophold */
	{852010, 0.07},				/* grundskoler */
	{841100, 0.07},				/* generelle offentlige tjenester */
	{412000, 0.07},				/* opførelse af bygninger */
	{494100, 0.05},				/* vejgodstransport */
	{620100, 0.06},				/* computerprogrammering */
	{107100, 0.04},				/* bagerier */
	{251100, 0.05},				/* metalkonstruktioner */
	{782000, 0.06},				/* vikarbureauer */
	{691000, 0.04},				/* juridisk bistand */
	{11100, 0.02},				/* landbrug (011100) */
	{531000, 0.04},				/* postbefordring */
};

/* the first and last week of each month 2008-2024 (the weeks whose Thursday lies in it) */
static IsoWeek monthWeeks[(LAST_SIM_YEAR - FIRST_EMP_YEAR + 1) * 12][2];
static bool monthWeeksReady = false;

static void
PrepareMonthWeeks(void)
{
	if (monthWeeksReady)
		return;
	for (int y = FIRST_EMP_YEAR; y <= LAST_SIM_YEAR; y++)
		for (int m = 1; m <= 12; m++)
		{
			DateADT		d0 = DateOf(y, m, 1);
			DateADT		d1 = m == 12 ? DateOf(y + 1, 1, 1) : DateOf(y, m + 1, 1);

			/* Thursday of week w = Monday + 3 = 5 + 7w */
			monthWeeks[(y - FIRST_EMP_YEAR) * 12 + m - 1][0] = (IsoWeek) ceil((d0 - 5) / 7.0);
			monthWeeks[(y - FIRST_EMP_YEAR) * 12 + m - 1][1] = (IsoWeek) floor((d1 - 1 - 5) / 7.0);
		}
	monthWeeksReady = true;
}

typedef struct EmpSegment
{
	IsoWeek		start;			/* its first week */
	IsoWeek		end;			/* its last week */
	int			grad;			/* 0 = no job */
	int32		branche;
} EmpSegment;

static int
DrawJobDegree(Rng *rng, int state, int klasse)
{
	static const double fullTime[N_KLASSER] = {0.75, 0.60, 0.40};

	switch (state)
	{
		case ST_SELV:
		case ST_EFTER_KTH:
		case ST_PAUSE:
		case ST_ANDET:
			return Uniform(rng) < fullTime[klasse] ? 100 : UniformInt(rng, 15, 99);
		case ST_FLEKSJOB:
			return UniformInt(rng, 30, 75);
		case ST_SYGE:
			return UniformInt(rng, 20, 100);
		default:
			return UniformInt(rng, 4, 35);	/* a small job beside the benefit */
	}
}

static int32
DrawBranche(Rng *rng)
{
	double		w[lengthof(brancher)];

	for (int i = 0; i < lengthof(brancher); i++)
		w[i] = brancher[i].weight;
	return brancher[DrawIndex(rng, w, lengthof(brancher))].branche;
}

/* the segments of a history, with their jobs, drawn from stream 3 */
static EmpSegment *
EmploymentSegments(const Person *p, const History *h, int64 seed, int *nseg)
{
	Rng			rng;
	int			n = 0,
				max = 0;
	EmpSegment *seg;

	for (int r = 0; r < h->nruns; r++)
		max += (h->runs[r].weeks + EMP_SEGMENT_WEEKS - 1) / EMP_SEGMENT_WEEKS + 1;
	seg = palloc(Max(max, 1) * sizeof(EmpSegment));

	RngSeed(&rng, seed, p->pnr, 3);
	for (int r = 0; r < h->nruns; r++)
	{
		const Run  *run = &h->runs[r];

		IsoWeek		cut = year_start[2021 - FIRST_SIM_YEAR];

		for (IsoWeek w = run->start; w < run->start + run->weeks;)
		{
			EmpSegment *s = &seg[n++];
			double		prob = empProb[run->state][p->klasse];
			bool		job;

			/* more ordinary hours beside kontanthjælp from 2021 (seeds/002 Figur 54) */
			if (IS_KTH(run->state) && w >= cut)
				prob *= EMP_KTH_2021;
			/* seeds/004 afsnit 4.3 (DP_JOB_KBH_2017) */
			if (run->state == ST_SELV && r > 0 && h->runs[r - 1].state == ST_DAGPENGE && p->kommune == 101 &&
				w >= year_start[2017 - FIRST_SIM_YEAR] && w < year_start[2018 - FIRST_SIM_YEAR])
				prob *= DP_JOB_KBH_2017;
			/* seeds/001 M2 and note 3 (residenceJob) */
			if ((run->state == ST_PAUSE || run->state == ST_EFTER_KTH) &&
				w >= year_start[RESIDENCE_FROM - FIRST_SIM_YEAR] && w < year_start[RESIDENCE_LATER_TO + 1 - FIRST_SIM_YEAR])
				prob = Min(1.0, prob * residenceJob[w >= year_start[RESIDENCE_TO + 1 - FIRST_SIM_YEAR]][p->residence]);
			job = Uniform(&rng) < prob;

			s->start = w;
			s->end = Min(w + EMP_SEGMENT_WEEKS, run->start + run->weeks) - 1;
			if (w < cut && s->end >= cut)
				s->end = cut - 1;	/* a segment ends with 2020 */
			s->grad = job ? DrawJobDegree(&rng, run->state, p->klasse) : 0;
			s->branche = job ? DrawBranche(&rng) : 0;
			w = s->end + 1;
		}
	}
	*nseg = n;
	return seg;
}

typedef struct EmpOutput
{
	Output		out;
	int			first_y,
				first_m;		/* the first month asked for */
	bool		as_text;		/* one monthline text instead of two arrays */
} EmpOutput;

static void
EmploymentRow(void *arg, Person *p)
{
	EmpOutput  *eo = (EmpOutput *) arg;
	Output	   *out = &eo->out;
	EmpSegment *seg;
	int			nseg,
				si = 0;
	int			y = eo->first_y,
				m = eo->first_m;
	int			fy,
				fm;
	int			nmonths = 0,
				maxmonths = (LAST_SIM_YEAR - FIRST_EMP_YEAR + 1) * 12;
	int32	   *grad = palloc(maxmonths * sizeof(int32));	/* 0 = missing */
	int32	   *branche = palloc(maxmonths * sizeof(int32));
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	SimulateHere(p, &out->h);
	seg = EmploymentSegments(p, &out->h, out->g->seed, &nseg);

	/* start with the month of the first week at 16 (its Thursday), if later */
	{
		int			y16,
					m16,
					d16;

		j2date(WEEK_MONDAY(p->week16) + 3 + POSTGRES_EPOCH_JDATE, &y16, &m16, &d16);
		if (y16 * 12 + m16 > y * 12 + m)
		{
			y = y16;
			m = m16;
		}
	}
	fy = y;
	fm = m;

	for (; y <= LAST_SIM_YEAR; m == 12 ? (y++, m = 1) : m++)
	{
		int			mi = (y - FIRST_EMP_YEAR) * 12 + m - 1;
		IsoWeek		w0 = monthWeeks[mi][0];
		IsoWeek		w1 = monthWeeks[mi][1];
		int			sum = 0,
					weeks = 0;
		int32		b = 0;

		for (IsoWeek w = w0; w <= w1; w++)
		{
			weeks++;
			while (si < nseg && seg[si].end < w)
				si++;
			if (si < nseg && seg[si].start <= w && seg[si].grad > 0)
			{
				sum += seg[si].grad;
				b = seg[si].branche;
			}
		}
		grad[nmonths] = sum == 0 ? 0 : Max(1, (int) rint((double) sum / weeks));
		branche[nmonths] = b;
		nmonths++;
	}

	values[0] = Int32GetDatum(p->pnr);
	if (eo->as_text)
	{
		/* monthline's text form: v1 YYYY-MM GRAD/BRANCHExMONTHS ... */
		StringInfoData buf;

		initStringInfo(&buf);
		appendStringInfo(&buf, "v1 %04d-%02d", fy, fm);
		for (int i = 0; i < nmonths;)
		{
			int			j = i + 1;

			while (j < nmonths && grad[j] == grad[i] && branche[j] == branche[i])
				j++;
			if (grad[i] == 0)
				appendStringInfo(&buf, " -/-x%d", j - i);
			else
				appendStringInfo(&buf, " %d/%dx%d", grad[i], branche[i], j - i);
			i = j;
		}
		values[1] = CStringGetTextDatum(buf.data);
	}
	else
	{
		Datum	   *grads = palloc(nmonths * sizeof(Datum));
		Datum	   *branches = palloc(nmonths * sizeof(Datum));
		bool	   *missing = palloc(nmonths * sizeof(bool));
		int			dims[1] = {nmonths},
					lbs[1] = {1};

		for (int i = 0; i < nmonths; i++)
		{
			missing[i] = grad[i] == 0;
			grads[i] = Int32GetDatum(grad[i]);
			branches[i] = Int32GetDatum(branche[i]);
		}
		values[1] = DateADTGetDatum(DateOf(fy, fm, 1));
		values[2] = PointerGetDatum(construct_md_array(grads, missing, 1, dims, lbs, INT4OID, 4, true, TYPALIGN_INT));
		values[3] = PointerGetDatum(construct_md_array(branches, missing, 1, dims, lbs, INT4OID, 4, true, TYPALIGN_INT));
	}
	PutRow(out, values, nulls);
}

/* (seed, scale, kommuner, first_month) of synth_employment and synth_monthlines */
static void
GetEmploymentArgs(FunctionCallInfo fcinfo, GenArgs *g, EmpOutput *eo)
{
	DateADT		first;
	int			d;

	GetGenArgs(fcinfo, g, false);
	PrepareMonthWeeks();
	if (PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("first_month must not be null")));
	first = PG_GETARG_DATEADT(3);
	if (DATE_NOT_FINITE(first))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("first_month must be a finite date")));
	j2date(first + POSTGRES_EPOCH_JDATE, &eo->first_y, &eo->first_m, &d);
	if (d != 1 || eo->first_y < FIRST_EMP_YEAR || eo->first_y > LAST_SIM_YEAR)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("first_month must be the first day of a month from 2008-01-01 to 2024-12-01"),
				 errdetail("DREAM's monthly columns start in January 2008; the register ends in December 2024.")));
}

/*
 * synth_employment(seed, scale, kommuner, first_month)
 *		-> setof (pnr, first_month date, grads int[], branches int[]):
 *		each person's monthly grad and branche from first_month (or the month
 *		of the 16th birthday week) to December 2024, as monthline() takes them
 */
Datum
synth_employment(PG_FUNCTION_ARGS)
{
	GenArgs		g;
	EmpOutput	eo;

	GetEmploymentArgs(fcinfo, &g, &eo);
	eo.as_text = false;
	OutputInit(&eo.out, fcinfo, &g);
	ForEachPerson(&g, EmploymentRow, &eo);
	return (Datum) 0;
}

/*
 * synth_monthlines(seed, scale, kommuner, first_month) -> setof (pnr, maaneder text):
 *		the same months as one monthline text each (run-length encoded, so a
 *		tenth of the arrays' size: the fast way to load them)
 */
Datum
synth_monthlines(PG_FUNCTION_ARGS)
{
	GenArgs		g;
	EmpOutput	eo;

	GetEmploymentArgs(fcinfo, &g, &eo);
	eo.as_text = true;
	OutputInit(&eo.out, fcinfo, &g);
	ForEachPerson(&g, EmploymentRow, &eo);
	return (Datum) 0;
}

/*
 * The first week of the kontanthjælp spell a run of kontanthjælp belongs to,
 * breaks of up to KTH_MAX_GAP weeks bridged, given the previous run's spell
 * start; *kth_end is the end of the last run of kontanthjælp (runs in order).
 */
static IsoWeek
KthSpellStart(const Run *run, IsoWeek spell_start, IsoWeek *kth_end)
{
	if (run->start > *kth_end + KTH_MAX_GAP)
		spell_start = run->start;
	*kth_end = run->start + run->weeks;
	return spell_start;
}

/* ---------- contacts: jobsamtaler (stream 5) ---------- */

/*
 * While on a benefit with a contact course (kontanthjælp, a-dagpenge,
 * sygedagpenge, ledighedsydelse, ressourceforløb, revalidering) a person is
 * called to a jobsamtale within the first weeks of the run and then at
 * intervals of about a quarter: the base interval of the state times a
 * person's own pace (some are exempt or seen more often) times the
 * kommune's (seeds/002 Figur 12: most kommuner hold more than 4 a year, some
 * fewer).  A samtale is held or not (a no-show or cancellation; more often
 * among the udsatte: seeds/001, 7-14 % no-shows).  Calibrated to seeds/002
 * Figur 11: of the langvarige, 56 % had 8 or more held samtaler in the two
 * years before 1 March 2020 and 19 % more than 10.
 */
static const double contactWeeks[N_STATES] = {
	[ST_AKT] = 11.3,
	[ST_JOBPARAT] = 10.0,
	[ST_DAGPENGE] = 12.0,
	[ST_SYGE] = 8.0,
	[ST_LEDIGHEDSYDELSE] = 13.0,
	[ST_RESSOURCE] = 8.0,
	[ST_REVALIDERING] = 12.0,
};
static const double noShow[N_KLASSER] = {0.06, 0.09, 0.14};

/*
 * The longer the kontanthjælp spell, the more often the samtaler (seeds/002:
 * "tegn på, at indsatsen er mere intensiv for de meget langvarige"): of its
 * langvarige of 2020, 19 / 25 / 33 % with 5-7 / 7-10 / 10 or more years of
 * anciennitet had more than 10 in the two years (Figur 13).  Beside Figur
 * 11's 19 % of them all those levels cannot hold, so the register keeps
 * Figur 11 and the rise: the interval is multiplied by these at spell ages
 * under 7 years, 7-10 and 10 or more (seed 1, scale 1: 16.1 / 19.1 / 25.9 %).
 */
static const double spellContactMult[3] = {1.05, 1.0, 0.92};

static double
SpellContactMult(int weeks)
{
	return spellContactMult[weeks < 7 * 52 ? 0 : weeks < 10 * 52 ? 1 : 2];
}

typedef struct ContactArgs
{
	Output		out;
	DateADT		first;
	DateADT		last;
} ContactArgs;

static void
ContactsOfPerson(void *arg, Person *p)
{
	ContactArgs *ca = (ContactArgs *) arg;
	Output	   *out = &ca->out;
	Rng			rng;
	double		pace;
	/* the kommune's pace, fixed per kommune (not per seed): 0.85 - 1.25 */
	double		kpace = 0.85 + 0.40 * ((p->kommune * 2654435761u) % 1000) / 999.0;
	IsoWeek		spell_start = 0;	/* of the kontanthjælp spell (KthSpellStart) */
	IsoWeek		kth_end = 0;

	SimulateHere(p, &out->h);
	RngSeed(&rng, out->g->seed, p->pnr, 5);
	pace = 0.6 + 0.9 * Uniform(&rng);
	for (int r = 0; r < out->h.nruns; r++)
	{
		const Run  *run = &out->h.runs[r];
		DateADT		start = WEEK_MONDAY(run->start);
		DateADT		end = WEEK_MONDAY(run->start + run->weeks);	/* exclusive */
		DateADT		d;

		if (IS_KTH(run->state))
			spell_start = KthSpellStart(run, spell_start, &kth_end);
		if (contactWeeks[run->state] == 0 || end <= WEEK_MONDAY(first_dream_week))
			continue;
		/* the first samtale within four weeks, then one every interval */
		d = start + UniformInt(&rng, 3, 27);
		while (d < end)
		{
			bool		held = Uniform(&rng) >= noShow[p->klasse];
			int			dow = j2day(d + POSTGRES_EPOCH_JDATE);	/* 0 = Sunday */
			DateADT		day = d + (dow == 0 ? 1 : dow == 6 ? 2 : 0);	/* a weekday */

			if (day < end && day >= ca->first && day <= ca->last)
			{
				Datum		values[3] = {Int32GetDatum(p->pnr), DateADTGetDatum(day), BoolGetDatum(held)};
				bool		nulls[3] = {false, false, false};

				PutRow(out, values, nulls);
			}
			d += (int) rint(7.0 * contactWeeks[run->state] * pace * kpace
							* (IS_KTH(run->state) ? SpellContactMult(WEEK_OF_DATE(d) - spell_start) : 1.0)
							* (0.8 + 0.4 * Uniform(&rng)));
		}
	}
}

/*
 * synth_contacts(seed, scale, kommuner, first date, last date)
 *		-> setof (pnr, dato date, afholdt bool): the jobsamtaler of the
 *		persons from first to last (both included)
 */
Datum
synth_contacts(PG_FUNCTION_ARGS)
{
	GenArgs		g;
	ContactArgs ca;

	GetGenArgs(fcinfo, &g, false);
	if (PG_ARGISNULL(3) || PG_ARGISNULL(4))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("first and last must not be null")));
	ca.first = PG_GETARG_DATEADT(3);
	ca.last = PG_GETARG_DATEADT(4);
	if (DATE_NOT_FINITE(ca.first) || DATE_NOT_FINITE(ca.last) || ca.first > ca.last)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("first and last must be finite dates with first <= last")));
	OutputInit(&ca.out, fcinfo, &g);
	ForEachPerson(&g, ContactsOfPerson, &ca);
	return (Datum) 0;
}

/* ---------- periods beside the offers: mentor (stream 7) and exemptions (stream 13) ---------- */

/* a person's offers, in order of their first day, for the periods drawn beside them */
typedef struct PeriodArgs
{
	Output		out;
	Offer	   *offers;
	int			noffers;
	int			maxoffers;
} PeriodArgs;

static void
CollectOffer(void *arg, const Person *p, const Offer *o)
{
	PeriodArgs *pa = (PeriodArgs *) arg;

	if (pa->noffers == pa->maxoffers)
	{
		pa->maxoffers *= 2;
		pa->offers = repalloc(pa->offers, pa->maxoffers * sizeof(Offer));
	}
	pa->offers[pa->noffers++] = *o;
}

/* the person's history and its offers that end on or after the week from */
static void
SimulateWithOffers(PeriodArgs *pa, Person *p, IsoWeek from)
{
	SimulateHere(p, &pa->out.h);
	pa->noffers = 0;
	DrawOffers(p, &pa->out.h, pa->out.g->seed, WEEK_MONDAY(from), CollectOffer, pa);
}

/*
 * Whether an offer holds day.  *o is the first offer not ended before the
 * previous day asked about: days are asked about in order, so the offers
 * that ended are skipped for good.
 */
static bool
InOffer(const PeriodArgs *pa, int *o, DateADT day)
{
	while (*o < pa->noffers && pa->offers[*o].last_day < day)
		(*o)++;
	for (int i = *o; i < pa->noffers && pa->offers[i].first_day <= day; i++)
		if (pa->offers[i].last_day >= day)
			return true;
	return false;
}

/* the first day of the first offer that starts after day and before end_day; else end_day */
static DateADT
NextOfferStart(const PeriodArgs *pa, int o, DateADT day, DateADT end_day)
{
	for (int i = o; i < pa->noffers && pa->offers[i].first_day < end_day; i++)
		if (pa->offers[i].first_day > day)
			return pa->offers[i].first_day;
	return end_day;
}

/* a row (pnr, [first_day, end_day)) if the period is not empty and ends in or after the week first */
static void
PutPeriod(Output *out, const Person *p, DateADT first_day, DateADT end_day)
{
	TypeCacheEntry *typcache = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);
	RangeBound	lower = {DateADTGetDatum(first_day), false, true};
	RangeBound	upper = {DateADTGetDatum(end_day), false, false};
	Datum		values[2];
	bool		nulls[2] = {false, false};

	if (end_day <= first_day || WEEK_OF_DATE(end_day - 1) < out->g->first)
		return;
	values[0] = Int32GetDatum(p->pnr);
	values[1] = RangeTypePGetDatum(JOBREG_MAKE_RANGE(typcache, &lower, &upper, false));
	PutRow(out, values, nulls);
}

/* a set-returning function (seed, scale, kommuner, first) of periods that fn(PeriodArgs *, Person *) draws */
static Datum
PeriodsPerPerson(FunctionCallInfo fcinfo, PersonFn fn)
{
	GenArgs		g;
	PeriodArgs	pa;

	GetGenArgs(fcinfo, &g, true);
	pa.maxoffers = 64;
	pa.offers = palloc(pa.maxoffers * sizeof(Offer));
	OutputInit(&pa.out, fcinfo, &g);
	ForEachPerson(&g, fn, &pa);
	return (Datum) 0;
}

/*
 * A helhedsorienteret mentor is support for the aktivitetsparate not (yet)
 * ready for an offer (LAB § 31 b; seeds/003).  While aktivitetsparat on
 * kontanthjælp and not in an offer, a person gets a mentor with a weekly
 * probability by region and year; a mentor period lasts 26 weeks (the law's
 * six-month periods) or to the end of the run, and it ends early when an
 * offer starts, with probability MENTOR_LINK (the mentor led to the offer;
 * otherwise the offer runs beside the mentor).  København: 21 % of the
 * aktivitetsparate over 30 had a mentor in November 2015 and 9 % in
 * September 2016, after the agreement moved the helhedsorienterede mentorer
 * to external providers and used them less; 26 % of the mentor periods were
 * followed by an ordinary offer (seeds/003 Tabel 5).  Elsewhere a constant,
 * lower use.  Mentor periods are drawn from 2014 (the reform of the
 * kontanthjælp) on, from the histories and offers (stream 2) as simulated, so
 * nothing else moves.
 */
#define MENTOR_WEEKS 26
#define MENTOR_LINK 0.92
#define FIRST_MENTOR_YEAR 2014
/* weekly probability of a mentor start: København until the end of 2015, from 2016; elsewhere */
static const double mentorStart[3] = {0.0172, 0.0060, 0.0040};

static void
MentorOfPerson(void *arg, Person *p)
{
	PeriodArgs *pa = (PeriodArgs *) arg;
	Output	   *out = &pa->out;
	Rng			rng;
	IsoWeek		from = WeekOf(FIRST_MENTOR_YEAR, 1);
	IsoWeek		w2016 = WeekOf(2016, 1);
	int			o = 0;

	SimulateWithOffers(pa, p, from);
	RngSeed(&rng, out->g->seed, p->pnr, 7);
	for (int r = 0; r < out->h.nruns; r++)
	{
		const Run  *run = &out->h.runs[r];
		IsoWeek		end = run->start + run->weeks;	/* exclusive */
		IsoWeek		w;

		if (run->state != ST_AKT || end <= from)
			continue;
		w = Max(run->start, from);
		while (w < end)
		{
			DateADT		monday = WEEK_MONDAY(w);
			double		h = p->region != R_KBH ? mentorStart[2] : w < w2016 ? mentorStart[0] : mentorStart[1];

			if (!InOffer(pa, &o, monday) && Uniform(&rng) < h)
			{
				DateADT		end_day = WEEK_MONDAY(Min(w + MENTOR_WEEKS, end));
				DateADT		next = NextOfferStart(pa, o, monday, end_day);

				/* the first offer that starts in the period may end it */
				if (next < end_day && Uniform(&rng) < MENTOR_LINK)
					end_day = next;
				PutPeriod(out, p, monday, end_day);
				w = WEEK_OF_DATE(end_day - 1) + 1;
				continue;
			}
			w++;
		}
	}
}

/*
 * synth_mentor(seed, scale, kommuner, first)
 *		-> setof (pnr, periode daterange): helhedsorienteret mentor periods
 *		that end in or after the week first
 */
Datum
synth_mentor(PG_FUNCTION_ARGS)
{
	return PeriodsPerPerson(fcinfo, MentorOfPerson);
}

/*
 * An aktivitetsparat person can be exempted from activation (fritagelse,
 * LAS § 13 stk. 7: mostly because activation would worsen the person's
 * health) and gets no offer while exempt.  seeds/002 on the langvarige of
 * 2020: 43 % had, somewhere in the spell, more than a year with neither an
 * offer nor an exemption, 56 % of those with ten years or more (Figur 47);
 * 47 % were exempt at some time in the review's two years (43 % in the
 * resumé) and 12 % were exempt on 1 March 2020.  So the persons long without
 * an offer are mostly those exempted again and again: a person is of the
 * exempted kind with a probability by frailty class, drawn once, and no one
 * else is exempted; after EXEMPT_AFTER weeks on kontanthjælp as
 * aktivitetsparat without an offer or an exemption (a jobsamtale finds the
 * person cannot take part), an exemption starts with a weekly probability;
 * it lasts EXEMPT_WEEKS or to the end of the run, and an offer that starts
 * ends it.  Before the reform of 2014 the jobcentres exempted less
 * (EXEMPT_BEFORE_2014): the passive periods of the years before it are what
 * makes the ten-year spells' share higher.  Drawn from 2012 (the offers the
 * demo's register holds) on, from the histories and offers as simulated, so
 * nothing else moves.  At seed 1, scale 1: 44.5 % and 55.7 % (Figur 47),
 * 54.7 % exempt in the two years, 13.1 % on 1 March 2020.
 */
#define FIRST_EXEMPT_YEAR 2012
#define EXEMPT_AFTER 47
#define EXEMPT_WEEKS 26
#define EXEMPT_START 0.5
#define EXEMPT_BEFORE_2014 0.14
/* the exempted kind's share, by frailty class (ordinary, marginal, udsatte) */
static const double exemptKind[N_KLASSER] = {0.4, 0.85, 1.0};

static void
ExemptionsOfPerson(void *arg, Person *p)
{
	PeriodArgs *pa = (PeriodArgs *) arg;
	Output	   *out = &pa->out;
	Rng			rng;
	IsoWeek		from = WeekOf(FIRST_EXEMPT_YEAR, 1);
	IsoWeek		passive_from = from;	/* since the last offer, exemption or spell start */
	IsoWeek		spell_start = 0;
	IsoWeek		kth_end = 0;
	IsoWeek		w2014 = WeekOf(2014, 1);
	int			o = 0;

	/* the kind first: the others need no history (stream 13 is the person's own) */
	RngSeed(&rng, out->g->seed, p->pnr, 13);
	if (Uniform(&rng) >= exemptKind[p->klasse])
		return;
	SimulateWithOffers(pa, p, from);
	for (int r = 0; r < out->h.nruns; r++)
	{
		const Run  *run = &out->h.runs[r];
		IsoWeek		end = run->start + run->weeks;	/* exclusive */
		IsoWeek		w;

		if (!IS_KTH(run->state))
			continue;
		spell_start = KthSpellStart(run, spell_start, &kth_end);
		passive_from = Max(passive_from, spell_start);
		if (run->state != ST_AKT || end <= from)
			continue;
		for (w = Max(run->start, from); w < end; w++)
		{
			DateADT		monday = WEEK_MONDAY(w);

			if (InOffer(pa, &o, monday))
				continue;
			/* offers do not overlap: offers[o - 1] is the last one ended before monday */
			if (o > 0)
				passive_from = Max(passive_from, WEEK_OF_DATE(pa->offers[o - 1].last_day) + 1);
			if (w - passive_from >= EXEMPT_AFTER && Uniform(&rng) < EXEMPT_START * (w < w2014 ? EXEMPT_BEFORE_2014 : 1.0))
			{
				DateADT		end_day = NextOfferStart(pa, o, monday, WEEK_MONDAY(Min(w + EXEMPT_WEEKS, end)));

				PutPeriod(out, p, monday, end_day);
				w = WEEK_OF_DATE(end_day - 1);
				passive_from = w + 1;
			}
		}
	}
}

/*
 * synth_exemptions(seed, scale, kommuner, first)
 *		-> setof (pnr, periode daterange): exemption periods from activation
 *		that end in or after the week first
 */
Datum
synth_exemptions(PG_FUNCTION_ARGS)
{
	return PeriodsPerPerson(fcinfo, ExemptionsOfPerson);
}

// Words that end a candidate key phrase. Beyond English function words, this holds the verbs,
// adverbs, feeling words and time words a journal is full of: they say how, not what about
// (the emotion is analysed elsewhere), and without a part-of-speech tagger they would glue onto topics.
const WORDS = `
a about above after again against all almost along already also although always am among an and another any anybody
anyone anything anyway anywhere are aren't around as at away back be because been before being below beside besides
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't done down during each
either else enough even ever every everybody everyone everything everywhere few for from further had hadn't has hasn't
have haven't having he he'd he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm
i've if in instead into is isn't it it'd it'll it's its itself just least less let let's like lot lots many may maybe
me might mine more most much must mustn't my myself neither never next no nobody none noone nor not nothing now
nowhere of off often oh ok okay on once one ones only onto or other others otherwise ought our ours ourselves out over
own per perhaps please quite rather really same several shall she she'd she'll she's should shouldn't since so some
somebody someone something sometimes somewhat somewhere soon still such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've thing things this those though through thus
till to too toward towards under unless until up upon us very via was wasn't we we'd we'll we're we've were weren't
what what's whatever when whenever where where's whether which while who who's whom whose why will with within without
won't would wouldn't yeah yes yet you you'd you'll you're you've your yours yourself yourselves im ive id dont cant
wont didnt doesnt isnt wasnt couldnt shouldnt wouldnt thats theres
get gets got gotten getting go goes went gone going come comes came coming make makes made making take takes took taken
taking give gives gave given giving put puts keep keeps kept say says said saying tell tells told telling ask asks asked
know knows knew known think thinks thought thinking feel feels felt feeling feelings seem seems seemed look looks looked
looking see sees saw seen want wants wanted need needs needed try tries tried trying use used let lets letting start
started starting stop stopped begin began find found call called calling leave left mean means meant turn turned
happen happens happened seemed guess hope hoped wish wished realise realised realize realized remember remembered
decide decided manage managed wait waited help helped helps worked working talk talked talking write wrote written
writing ate became bought brought caught chose drank drove fell fought flew forgot grew heard held kept lost met paid ran
sat slept spent spoke stood taught threw understood woke wore won barely hardly nearly simply kinda sorta gonna wanna
well today tonight yesterday tomorrow day days morning afternoon evening night week weeks month months year years time times hour
hours minute minutes moment moments while ago later earlier recently lately currently finally suddenly actually
basically honestly literally probably definitely certainly totally completely pretty kind sort bit way ways stuff
good bad great nice fine better best worse worst lovely amazing awesome terrible awful horrible happy sad angry upset
glad tired nervous anxious scared afraid worried excited proud grateful thankful stressed overwhelmed frustrated
annoyed lonely exhausted calm little big long new old first last whole real true sure able hard easy difficult
`;

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

using Crm.Core.Interactions;

namespace Crm.Web.Commands;

/// <summary>Realistic names and summaries for the demo book and the benchmark generator.</summary>
internal static class SampleData
{
    public static readonly string[] FirstNames =
    [
        "Ada", "Alan", "Amira", "Anna", "Ben", "Carla", "Chen", "Daniel", "Eva", "Farah", "Felix", "Grace", "Hana", "Hugo",
        "Ines", "Ivan", "Jonas", "Julia", "Kai", "Lena", "Liam", "Lucia", "Malik", "Maria", "Mateo", "Mia", "Noah", "Nora",
        "Olivia", "Omar", "Paula", "Peter", "Priya", "Rafael", "Sara", "Sofia", "Tariq", "Tom", "Vera", "Yusuf",
    ];

    public static readonly string[] LastNames =
    [
        "Andersen", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hansen", "Ito", "Jensen", "Kowalski", "Larsen",
        "Meyer", "Nielsen", "Okafor", "Petersen", "Quinn", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga", "Weber", "Xu",
        "Yilmaz", "Zimmermann", "Novak", "Silva", "Moreau", "Kaur",
    ];

    public static readonly string[] CompanyWords =
    [
        "Nordic", "Blue", "Harbor", "Summit", "Granite", "Bright", "Maple", "Atlas", "Vertex", "Cedar", "Silver", "Polar",
        "Orbit", "Delta", "Lumen", "Fjord", "Pioneer", "Crescent", "Evergreen", "Quantum",
    ];

    public static readonly string[] CompanyKinds =
    [
        "Logistics", "Foods", "Software", "Energy", "Design", "Furniture", "Consulting", "Health", "Media", "Textiles",
    ];

    public static readonly string[] CompanySuffixes = ["A/S", "Ltd", "GmbH", "AB", "Inc.", "ApS", "BV", "Oy"];

    /// <summary>Each city with its own country, so an address reads like one.</summary>
    public static readonly (string City, string Country)[] Cities =
    [
        ("Copenhagen", "Denmark"), ("Aarhus", "Denmark"), ("Stockholm", "Sweden"), ("Oslo", "Norway"), ("Hamburg", "Germany"),
        ("Berlin", "Germany"), ("Amsterdam", "Netherlands"), ("London", "United Kingdom"), ("Dublin", "Ireland"),
        ("Helsinki", "Finland"), ("Lyon", "France"), ("Milan", "Italy"),
    ];

    public static readonly string[] JobTitles =
    [
        "Purchasing Manager", "CEO", "CFO", "Head of Sales", "Marketing Lead", "Office Manager", "IT Director", "Buyer",
        "Project Manager", "Operations Manager",
    ];

    public static readonly string[] Tags = ["customer", "prospect", "partner", "vip", "newsletter", "supplier"];

    /// <summary>The seed's own example summaries, plus more of the same kind.</summary>
    public static readonly Dictionary<InteractionKind, string[]> Summaries = new()
    {
        [InteractionKind.Call] =
        [
            "Discussed Q3 budget and timeline", "Quick check-in, they're happy with the service", "Left a voice message about the renewal",
            "Called about the delayed delivery; sorted out", "Walked through the new price list", "Follow-up on the proposal, decision next week",
        ],
        [InteractionKind.Email] =
        [
            "Sent proposal for website redesign", "Received signed contract", "Sent the updated quote", "Answered questions about onboarding",
            "Shared the case study they asked for", "Confirmed the meeting agenda",
        ],
        [InteractionKind.Meeting] =
        [
            "Quarterly business review at their office", "Onboarding call with their team", "Demo of the reporting module",
            "Lunch meeting about next year's plans", "Workshop on their requirements",
        ],
        [InteractionKind.Note] =
        [
            "Met at trade show, interested in our enterprise plan", "Prefers email over phone", "New purchasing manager starts in March",
            "Budget approved for next quarter", "Competitor offered a lower price; keep an eye on it",
        ],
        [InteractionKind.Letter] = ["Sent the annual price letter", "Sent a thank-you letter", "Sent the contract by post"],
    };

    /// <summary>Groups a team adds beside the book's defaults (CALL, EMAIL, MEETING, NOTE, LETTER).</summary>
    public static readonly (string Code, string Description)[] Groups =
    [
        ("SALES", "Sales follow-up"), ("SERVICE", "Customer service"), ("MARKETING", "Marketing and direct mail"),
        ("EVENTS", "Events and trade shows"),
    ];

    /// <summary>
    /// Templates a team adds, several per kind, in the ERP's style (short capital codes, a group each, unit cost and
    /// duration, the direction of the information flow).
    /// </summary>
    public static readonly SampleTemplate[] Templates =
    [
        new("SALESCALL", "SALES", "Sales call", InteractionKind.Call, 1.50m, 15, InformationFlow.Outbound, InitiatedBy.Us, CorrespondenceType.None),
        new("COLDCALL", "SALES", "Cold call to a prospect", InteractionKind.Call, 0.80m, 5, InformationFlow.Outbound, InitiatedBy.Us, CorrespondenceType.None),
        new("SUPPORT", "SERVICE", "Support call received", InteractionKind.Call, 0, 20, InformationFlow.Inbound, InitiatedBy.Them, CorrespondenceType.None),
        new("PROPOSAL", "SALES", "Proposal sent", InteractionKind.Email, 0, 30, InformationFlow.Outbound, InitiatedBy.Us, CorrespondenceType.Email),
        new("INQUIRY", "SERVICE", "E-mail inquiry received", InteractionKind.Email, 0, 10, InformationFlow.Inbound, InitiatedBy.Them, CorrespondenceType.Email),
        new("NEWSLETTER", "MARKETING", "Newsletter", InteractionKind.Email, 0.05m, 0, InformationFlow.Outbound, InitiatedBy.Us, CorrespondenceType.Email),
        new("DEMO", "SALES", "Product demo", InteractionKind.Meeting, 25, 60, InformationFlow.Outbound, InitiatedBy.Us, CorrespondenceType.None),
        new("TRADESHOW", "EVENTS", "Met at a trade show", InteractionKind.Meeting, 40, 30, InformationFlow.Inbound, InitiatedBy.Them, CorrespondenceType.None),
        new("GOLF", "EVENTS", "Golf event", InteractionKind.Meeting, 120, 240, InformationFlow.Outbound, InitiatedBy.Us, CorrespondenceType.None),
        new("MEMO", "SERVICE", "Internal memo", InteractionKind.Note, 0, 5, InformationFlow.None, InitiatedBy.None, CorrespondenceType.None),
        new("DIRECTMAIL", "MARKETING", "Direct mail", InteractionKind.Letter, 1.20m, 0, InformationFlow.Outbound, InitiatedBy.Us, CorrespondenceType.HardCopy),
        new("PRICELIST", "MARKETING", "Price list by post", InteractionKind.Letter, 0.90m, 0, InformationFlow.Outbound, InitiatedBy.Us, CorrespondenceType.HardCopy),
    ];

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A kind weighted the way teams log: many calls and e-mails, fewer meetings, notes and letters.</summary>
    public static InteractionKind PickKind(this Random random) => random.Next(100) switch
    {
        < 35 => InteractionKind.Call,
        < 70 => InteractionKind.Email,
        < 83 => InteractionKind.Meeting,
        < 96 => InteractionKind.Note,
        _ => InteractionKind.Letter,
    };

    public static string CompanyName(this Random random) =>
        $"{random.Pick(CompanyWords)} {random.Pick(CompanyKinds)} {random.Pick(CompanySuffixes)}";
}

internal sealed record SampleTemplate(string Code, string Group, string Description, InteractionKind Kind, decimal UnitCost, int Minutes,
    InformationFlow Flow, InitiatedBy By, CorrespondenceType Correspondence);

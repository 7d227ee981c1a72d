using System.Text.RegularExpressions;
using Crm.Core.Contacts;
using Crm.Core.Interactions;
using Crm.Core.Segments;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Crm.UnitTests.Architecture;

/// <summary>
/// Reads compiled IL (Mono.Cecil) and lists every place that writes a guarded table itself instead of calling a
/// Crm.Core use case (docs/decisions/0010-write-side-guard.md): constructing or setting a guarded entity, Add/Update/
/// Remove/Attach on a set or list of one, EF's ExecuteUpdate/ExecuteDelete or Entry() on one, the untyped
/// DbContext.Add(object) family, and raw SQL that inserts into, updates or deletes from a guarded table.
/// IL rather than source text: lambdas, async state machines and object initialisers all end up as the same calls.
/// </summary>
public static partial class WriteSideGuard
{
    public static readonly IReadOnlySet<string> GuardedTypes = new HashSet<string>
    {
        typeof(Contact).FullName!, typeof(ContactTag).FullName!, typeof(InteractionLogEntry).FullName!,
        typeof(InteractionGroup).FullName!, typeof(InteractionTemplate).FullName!, typeof(InteractionTemplateSetupEntry).FullName!,
        typeof(Segment).FullName!, typeof(SegmentLine).FullName!, typeof(SegmentAction).FullName!, typeof(SegmentRemovedLine).FullName!,
        typeof(SavedCriteria).FullName!, typeof(LoggedSegment).FullName!,
    };

    private static readonly string[] Tables =
        ["Contacts", "ContactTags", "InteractionLogEntries", "InteractionGroups", "InteractionTemplates", "InteractionTemplateSetup",
            "Segments", "SegmentLines", "SegmentActions", "SegmentRemovedLines", "SavedCriteria", "LoggedSegments"];

    private static readonly HashSet<string> CollectionWrites =
        ["Add", "AddAsync", "AddRange", "AddRangeAsync", "Update", "UpdateRange", "Remove", "RemoveRange", "Attach", "AttachRange", "Insert", "Clear", "Entry"];

    private static readonly HashSet<string> SetBasedWrites =
        ["ExecuteUpdate", "ExecuteUpdateAsync", "ExecuteDelete", "ExecuteDeleteAsync"];

    public static IReadOnlyList<string> Violations(string assemblyPath, Func<TypeDefinition, bool>? include = null)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        var found = new List<string>();
        foreach (var type in assembly.MainModule.GetTypes().Where(t => include is null || Enclosing(t).Any(include)))
        {
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                foreach (var instruction in method.Body.Instructions)
                {
                    var why = instruction.Operand switch
                    {
                        MethodReference called => Check(instruction.OpCode, called),
                        string text when instruction.OpCode == OpCodes.Ldstr => CheckSql(text),
                        _ => null,
                    };
                    if (why is not null)
                    {
                        found.Add($"{Outermost(type).FullName} ({type.Name}.{method.Name}): {why}");
                    }
                }
            }
        }
        return found.Distinct().ToList();
    }

    private static string? Check(OpCode opCode, MethodReference called)
    {
        var declaring = called.DeclaringType;
        if (GuardedTypes.Contains(declaring.FullName) && (opCode == OpCodes.Newobj || called.Name.StartsWith("set_", StringComparison.Ordinal)))
        {
            return $"{(opCode == OpCodes.Newobj ? "new" : "sets")} {declaring.Name}{(opCode == OpCodes.Newobj ? "" : "." + called.Name[4..])}";
        }
        if (declaring is GenericInstanceType generic && generic.GenericArguments.Any(IsGuarded) && CollectionWrites.Contains(called.Name))
        {
            return $"{called.Name} on {declaring.Name}<{string.Join(",", generic.GenericArguments.Select(a => a.Name))}>";
        }
        if (called is GenericInstanceMethod method && method.GenericArguments.Any(IsGuarded)
            && (SetBasedWrites.Contains(called.Name) || CollectionWrites.Contains(called.Name)))
        {
            return $"{called.Name}<{string.Join(",", method.GenericArguments.Select(a => a.Name))}>";
        }
        if (declaring.FullName == "Microsoft.EntityFrameworkCore.DbContext" && called is not GenericInstanceMethod
            && CollectionWrites.Contains(called.Name))
        {
            return $"DbContext.{called.Name}(object) may write any table";
        }
        return null;
    }

    private static string? CheckSql(string text) =>
        SqlWrite().Match(text) is { Success: true } match && Tables.Contains(match.Groups["table"].Value, StringComparer.OrdinalIgnoreCase)
            ? $"raw SQL writes {match.Groups["table"].Value}"
            : null;

    private static bool IsGuarded(TypeReference type) => GuardedTypes.Contains(type.FullName);

    private static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private static IEnumerable<TypeDefinition> Enclosing(TypeDefinition type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            yield return t;
        }
    }

    [GeneratedRegex("""(?:INSERT\s+(?:INTO\s+)?|UPDATE\s+|DELETE\s+(?:FROM\s+)?)[\["`]?(?<table>\w+)""", RegexOptions.IgnoreCase)]
    private static partial Regex SqlWrite();
}

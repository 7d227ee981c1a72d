namespace Crm.Core.Interactions;

/// <summary>
/// One row of Interaction Template Setup: which template records an automatic event. No template, no record for
/// automatic and system events; a person's quick log is recorded anyway (ADR 0007).
/// </summary>
public class InteractionTemplateSetupEntry
{
    public int Id { get; set; }
    public int BookId { get; set; }
    public AutomaticEvent Event { get; set; }
    public int? TemplateId { get; set; }
    public InteractionTemplate? Template { get; set; }
}

namespace Crm.Core.Interactions;

public class InteractionGroup
{
    public const int CodeMaxLength = 20;
    public const int DescriptionMaxLength = 100;

    public int Id { get; set; }
    public int BookId { get; set; }
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";
    public Guid Version { get; set; } = Guid.NewGuid();
}

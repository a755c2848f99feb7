using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace GiaDesk.Web;

/// <summary>
/// Marks the fields of a form that must be filled: an input, select or textarea bound with asp-for to a property
/// with [Required] gets `required` and `aria-required` (app.css then puts «*» before its label), so a form cannot
/// forget to say which fields are required.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class RequiredFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    // After the framework's input tag helpers, which write the type.
    public override int Order => 10;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes["type"]?.Value?.ToString() is "hidden" or "checkbox" or "radio")
        {
            return;
        }
        var required = For.Metadata.ValidatorMetadata.OfType<RequiredAttribute>().Any();
        if (required && !output.Attributes.ContainsName("required"))
        {
            output.Attributes.SetAttribute("required", "required");
        }
        if (required || output.Attributes.ContainsName("required"))
        {
            output.Attributes.SetAttribute("aria-required", "true");
        }
    }
}

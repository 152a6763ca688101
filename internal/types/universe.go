package types

import "strings"

// NamedID identifies a built-in library type. Append only: never reorder.
type NamedID uint8

const (
	_                 NamedID = iota
	NamedView                 // View: the type of every view expression
	NamedColor                // Color
	NamedFont                 // Font
	NamedFontWeight           // Font.Weight (.bold ...)
	NamedTimer                // Timer
	NamedHttpRequest          // HttpRequest (returned by Http.get, has cancel())
	NamedHttpResponse         // HttpResponse (ok, status, text)
	NamedEvent                // Event: a DOM event in .on("name") { e in }
	NamedEdgeSet              // EdgeSet: .all .horizontal .vertical .top .bottom .leading .trailing
	NamedAlignment            // Alignment: .leading .center .trailing .top .bottom
	NamedAxis                 // Axis: .vertical .horizontal (ScrollView)
	NamedAttrValue            // String, Int, Double or Bool (attr(_:_:) values, Html attributes)
	NamedSpacing              // Spacing namespace (Spacing.token)
	NamedRadius               // Radius namespace (Radius.token)
	NamedHttp                 // Http namespace
	NamedStorage              // Storage namespace
	NamedJSON                 // JSON namespace
	NamedHtml                 // Html namespace: Html.<tag>
)

// The built-in library types.
var (
	ViewType         = &Named{NamedView, "View"}
	ColorType        = &Named{NamedColor, "Color"}
	FontType         = &Named{NamedFont, "Font"}
	FontWeightType   = &Named{NamedFontWeight, "Font.Weight"}
	TimerType        = &Named{NamedTimer, "Timer"}
	HttpRequestType  = &Named{NamedHttpRequest, "HttpRequest"}
	HttpResponseType = &Named{NamedHttpResponse, "HttpResponse"}
	EventType        = &Named{NamedEvent, "Event"}
	EdgeSetType      = &Named{NamedEdgeSet, "EdgeSet"}
	AlignmentType    = &Named{NamedAlignment, "Alignment"}
	AxisType         = &Named{NamedAxis, "Axis"}
	AttrValueType    = &Named{NamedAttrValue, "AttrValue"}
	SpacingType      = &Named{NamedSpacing, "Spacing"}
	RadiusType       = &Named{NamedRadius, "Radius"}
	HttpType         = &Named{NamedHttp, "Http"}
	StorageType      = &Named{NamedStorage, "Storage"}
	JSONType         = &Named{NamedJSON, "JSON"}
	HtmlType         = &Named{NamedHtml, "Html"}
)

// typeNames are the type names of the signature notation and of JXL source.
var typeNames = map[string]Type{
	"Bool": BoolType, "Int": IntType, "Double": DoubleType, "String": StringType,
	"Void": VoidType, "Any": AnyType, "View": ViewType, "Color": ColorType,
	"Font": FontType, "FontWeight": FontWeightType, "Timer": TimerType,
	"HttpRequest": HttpRequestType, "HttpResponse": HttpResponseType,
	"Event": EventType, "EdgeSet": EdgeSetType, "Alignment": AlignmentType,
	"Axis": AxisType, "AttrValue": AttrValueType,
	"Spacing": SpacingType, "Radius": RadiusType, "Http": HttpType,
	"Storage": StorageType, "JSON": JSONType, "Html": HtmlType,
}

// IsNamespace reports whether t is a namespace without values (Spacing,
// Radius, Http, Storage, JSON, Html): it can only be used as T.member.
func IsNamespace(t Type) bool {
	switch t {
	case SpacingType, RadiusType, HttpType, StorageType, JSONType, HtmlType:
		return true
	}
	return false
}

// ViewID identifies a built-in view. Append only: never reorder.
type ViewID uint16

const (
	_ ViewID = iota
	ViewVStack
	ViewHStack
	ViewZStack
	ViewSpacer
	ViewText
	ViewButton
	ViewTextField
	ViewToggle
	ViewImage
	ViewScrollView
	ViewList
	ViewForEach
	ViewDivider
	ViewLink
	ViewHtml // Html.<tag>(attrs) { children }: web only; the tag is in the call's Html field
)

// ViewSpec describes a built-in view. Overloads are tried in order; the
// first whose labels (and, where labels tie, plausible argument kinds) fit
// the call is chosen. Every signature returns View.
type ViewSpec struct {
	ID      ViewID
	Name    string
	Sigs    []*Func
	WebOnly bool
	Doc     string
}

// ModifierID identifies a modifier. Append only: never reorder.
type ModifierID uint16

const (
	_ ModifierID = iota
	ModPadding
	ModFrame
	ModFont
	ModForegroundColor
	ModBackgroundColor
	ModCornerRadius
	ModBorder
	ModOpacity
	ModDisabled
	ModOnTapGesture
	ModTestID
	ModHidden
	ModClassName // web only
	ModID        // web only
	ModAttr      // web only
	ModOn        // web only
	ModStyle     // web only
)

// ModifierSpec describes a modifier, a method available on every view.
type ModifierSpec struct {
	ID      ModifierID
	Name    string
	Sigs    []*Func
	WebOnly bool
	Doc     string
}

func sigs(ss ...string) []*Func {
	out := make([]*Func, len(ss))
	for i, s := range ss {
		f := ParseSig(s)
		if f.Result == VoidType {
			f.Result = ViewType
		}
		out[i] = f
	}
	return out
}

// Views lists the built-in views (Html elements are ViewHtml, see HtmlSig).
var Views = []*ViewSpec{
	{ID: ViewVStack, Name: "VStack", Doc: "vertical stack",
		Sigs: sigs(`(alignment: Alignment = .center, spacing: Double? = nil, content: @builder () -> View)`)},
	{ID: ViewHStack, Name: "HStack", Doc: "horizontal stack",
		Sigs: sigs(`(alignment: Alignment = .center, spacing: Double? = nil, content: @builder () -> View)`)},
	{ID: ViewZStack, Name: "ZStack", Doc: "overlay stack",
		Sigs: sigs(`(alignment: Alignment = .center, content: @builder () -> View)`)},
	{ID: ViewSpacer, Name: "Spacer", Doc: "flexible space",
		Sigs: sigs(`(minLength: Double? = nil)`)},
	{ID: ViewText, Name: "Text", Doc: "text",
		Sigs: sigs(`(_ text: String)`)},
	{ID: ViewButton, Name: "Button", Doc: "button with a title or label views",
		Sigs: sigs(`(_ title: String, action: @action () -> Void = {})`,
			`(action: @action () -> Void, label: @builder () -> View)`)},
	{ID: ViewTextField, Name: "TextField", Doc: "single-line text input",
		Sigs: sigs(`(_ placeholder: String, text: Binding<String>)`)},
	{ID: ViewToggle, Name: "Toggle", Doc: "checkbox / switch",
		Sigs: sigs(`(_ label: String? = nil, isOn: Binding<Bool>)`)},
	{ID: ViewImage, Name: "Image", Doc: "image from a URL",
		Sigs: sigs(`(_ src: String, alt: String = "")`)},
	{ID: ViewScrollView, Name: "ScrollView", Doc: "scrollable container",
		Sigs: sigs(`(_ axis: Axis = .vertical, content: @builder () -> View)`)},
	{ID: ViewList, Name: "List", Doc: "keyed list of rows",
		Sigs: sigs(`(_ data: [T], id: KeyPath<T, U>? = nil, content: @builder (T) -> View)`)},
	{ID: ViewForEach, Name: "ForEach", Doc: "keyed repetition",
		Sigs: sigs(`(_ data: [T], id: KeyPath<T, U>? = nil, content: @builder (T) -> View)`)},
	{ID: ViewDivider, Name: "Divider", Doc: "separator line",
		Sigs: sigs(`()`)},
	{ID: ViewLink, Name: "Link", Doc: "navigation link to an app route",
		Sigs: sigs(`(_ title: String, to: String)`,
			`(to: String, label: @builder () -> View)`)},
}

// HtmlSig is the shape of Html.<tag>: labeled attribute arguments of
// AttrValue type (any label) and optional builder children.
var HtmlSig = sigs(`(content: @builder () -> View = {})`)[0]

// Modifiers lists the modifiers.
var Modifiers = []*ModifierSpec{
	{ID: ModPadding, Name: "padding", Doc: "inner spacing on all or some edges",
		Sigs: sigs(`(_ length: Double)`, `(_ edges: EdgeSet, _ length: Double = 16)`, `()`)},
	{ID: ModFrame, Name: "frame", Doc: "fixed or bounded size",
		Sigs: sigs(`(width: Double? = nil, height: Double? = nil, minWidth: Double? = nil, maxWidth: Double? = nil, minHeight: Double? = nil, maxHeight: Double? = nil, alignment: Alignment = .center)`)},
	{ID: ModFont, Name: "font", Sigs: sigs(`(_ font: Font)`)},
	{ID: ModForegroundColor, Name: "foregroundColor", Sigs: sigs(`(_ color: Color)`)},
	{ID: ModBackgroundColor, Name: "backgroundColor", Sigs: sigs(`(_ color: Color)`)},
	{ID: ModCornerRadius, Name: "cornerRadius", Sigs: sigs(`(_ radius: Double)`)},
	{ID: ModBorder, Name: "border", Sigs: sigs(`(_ color: Color, width: Double = 1)`)},
	{ID: ModOpacity, Name: "opacity", Sigs: sigs(`(_ value: Double)`)},
	{ID: ModDisabled, Name: "disabled", Sigs: sigs(`(_ disabled: Bool)`)},
	{ID: ModOnTapGesture, Name: "onTapGesture", Sigs: sigs(`(perform: @action () -> Void)`)},
	{ID: ModTestID, Name: "testID", Doc: "stable test identifier (data-testid / testTag / accessibilityIdentifier)",
		Sigs: sigs(`(_ id: String)`)},
	{ID: ModHidden, Name: "hidden", Sigs: sigs(`(_ hidden: Bool = true)`)},
	{ID: ModClassName, Name: "className", WebOnly: true, Doc: "CSS class", Sigs: sigs(`(_ name: String)`)},
	{ID: ModID, Name: "id", WebOnly: true, Doc: "DOM id attribute", Sigs: sigs(`(_ id: String)`)},
	{ID: ModAttr, Name: "attr", WebOnly: true, Doc: "DOM attribute", Sigs: sigs(`(_ name: String, _ value: AttrValue)`)},
	{ID: ModOn, Name: "on", WebOnly: true, Doc: "DOM event listener", Sigs: sigs(`(_ event: String, handler: @action (Event) -> Void)`)},
	{ID: ModStyle, Name: "style", WebOnly: true, Doc: "inline CSS property", Sigs: sigs(`(_ property: String, _ value: String)`)},
}

var (
	viewByName     = map[string]*ViewSpec{}
	modifierByName = map[string]*ModifierSpec{}
)

func init() {
	for _, v := range Views {
		viewByName[v.Name] = v
	}
	for _, m := range Modifiers {
		modifierByName[m.Name] = m
	}
}

// LookupView returns the built-in view of that name, or nil.
func LookupView(name string) *ViewSpec { return viewByName[name] }

// LookupModifier returns the modifier of that name, or nil.
func LookupModifier(name string) *ModifierSpec { return modifierByName[name] }

// IsHtmlTag reports whether name can be an Html element: a lower-case
// name of letters, digits and '_' starting with a letter.
func IsHtmlTag(name string) bool {
	if name == "" || name[0] < 'a' || name[0] > 'z' {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return strings.ToLower(name) == name
}

// BuiltinKind is the kind of a universe entity.
type BuiltinKind uint8

const (
	BuiltinView BuiltinKind = iota + 1 // a built-in view name (VStack ...)
	BuiltinType                        // a type name (Int, Color, Timer, Spacing ...)
	BuiltinFunc                        // a global library function (sqrt, print ...)
)

// Builtin is the payload of a BuiltinObj.
type Builtin struct {
	Kind BuiltinKind
	View *ViewSpec // BuiltinView
	Type Type      // BuiltinType: the type the name denotes
	Func *Member   // BuiltinFunc: the function (Recv "")
}

// Universe is the outermost scope: built-in views, type names and global
// functions. App declarations may not reuse these names.
var Universe = map[string]*Object{}

// buildUniverse fills Universe; called at the end of the library's init.
func buildUniverse() {
	for _, v := range Views {
		Universe[v.Name] = &Object{Kind: BuiltinObj, Name: v.Name, Type: ViewType,
			Builtin: &Builtin{Kind: BuiltinView, View: v}}
	}
	for name, t := range typeNames {
		if name == "AttrValue" || name == "FontWeight" {
			continue
		}
		Universe[name] = &Object{Kind: BuiltinObj, Name: name, Type: &Meta{Of: t},
			Builtin: &Builtin{Kind: BuiltinType, Type: t}}
	}
	for _, m := range Members {
		if m.Recv != "" {
			continue
		}
		if _, ok := Universe[m.Name]; ok {
			continue
		}
		Universe[m.Name] = &Object{Kind: BuiltinObj, Name: m.Name, Type: m.Sigs[0],
			Builtin: &Builtin{Kind: BuiltinFunc, Func: m}}
	}
}

// LookupType returns the type a source type name denotes in the universe.
func LookupType(name string) Type {
	if name == "AttrValue" {
		return nil
	}
	return typeNames[name]
}

package ir

// ViewKind identifies a built-in view.
type ViewKind uint8

const (
	BadView ViewKind = iota
	VStack
	HStack
	ZStack
	Spacer
	Text
	Button
	TextField
	Toggle
	Image
	ScrollView
	List // a list container; its content is a For
	Divider
	Link
	HtmlElement // web only: Html.tag { }
)

var viewKindNames = [...]string{
	BadView: "BadView", VStack: "VStack", HStack: "HStack", ZStack: "ZStack",
	Spacer: "Spacer", Text: "Text", Button: "Button", TextField: "TextField",
	Toggle: "Toggle", Image: "Image", ScrollView: "ScrollView", List: "List",
	Divider: "Divider", Link: "Link", HtmlElement: "Html",
}

func (k ViewKind) String() string {
	if int(k) < len(viewKindNames) {
		return viewKindNames[k]
	}
	return "ViewKind(?)"
}

// ViewKindByName maps a built-in view's JXL name to its kind.
func ViewKindByName(name string) ViewKind {
	for k, n := range viewKindNames {
		if n == name && ViewKind(k) != BadView && ViewKind(k) != HtmlElement {
			return ViewKind(k)
		}
	}
	if name == "ForEach" {
		return BadView // ForEach lowers to a For node, not an Element
	}
	return BadView
}

// WebOnly reports whether the view kind exists only on the web target.
func (k ViewKind) WebOnly() bool { return k == HtmlElement }

// ModKind identifies a modifier.
type ModKind uint8

const (
	BadMod          ModKind = iota
	Padding                 // edges (EdgeSet, default all), length (Double)
	Frame                   // width, height, minWidth, maxWidth, minHeight, maxHeight (Double)
	FontMod                 // font (Font)
	ForegroundColor         // color
	BackgroundColor         // color
	CornerRadius            // radius
	Border                  // color, width
	Opacity                 // opacity
	Disabled                // disabled (Bool)
	Hidden                  // hidden (Bool)
	OnTapGesture            // action (closure)
	TestID                  // id (String)

	// Web escape hatch.
	ClassName // name (String)
	IDMod     // id (String)
	Attr      // name (String), value (String|Int|Double|Bool)
	On        // event (String), action (closure taking the Event)
	Style     // name (String), value (String)
)

var modKindNames = [...]string{
	BadMod: "BadMod", Padding: "padding", Frame: "frame", FontMod: "font",
	ForegroundColor: "foregroundColor", BackgroundColor: "backgroundColor",
	CornerRadius: "cornerRadius", Border: "border", Opacity: "opacity",
	Disabled: "disabled", Hidden: "hidden", OnTapGesture: "onTapGesture",
	TestID: "testID", ClassName: "className", IDMod: "id", Attr: "attr",
	On: "on", Style: "style",
}

func (k ModKind) String() string {
	if int(k) < len(modKindNames) {
		return modKindNames[k]
	}
	return "ModKind(?)"
}

// ModKindByName maps a modifier's JXL name to its kind.
func ModKindByName(name string) ModKind {
	for k, n := range modKindNames {
		if n == name && ModKind(k) != BadMod {
			return ModKind(k)
		}
	}
	return BadMod
}

// WebOnly reports whether the modifier exists only on the web target.
func (k ModKind) WebOnly() bool { return k >= ClassName }

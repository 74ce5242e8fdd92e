// The options page: settings, knowledge base and the highlight library.
import { useEffect, useState } from "preact/hooks";
import { loadSettings, type Settings } from "@/src/settings/settings";

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    loadSettings().then(setSettings, console.error);
  }, []);
  return (
    <main class="siyaq-options">
      <h1>إعدادات سياق</h1>
      {settings && <p>الوضع الافتراضي: {settings.defaultMode === "arabic" ? "الصفحات العربية" : "المواقع المختارة"}</p>}
    </main>
  );
}

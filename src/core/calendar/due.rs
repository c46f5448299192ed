pub struct DueRules; pub struct Receipt; pub enum TimeLimit {} pub fn due_date() {}
